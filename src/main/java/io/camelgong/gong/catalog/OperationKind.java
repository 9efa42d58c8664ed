package io.camelgong.gong.catalog;

/**
 * The shape of an operation's result.
 */
public enum OperationKind {
    /** A list of records, possibly over several pages. */
    LIST,
    /** A single record looked up by id. */
    GET,
    /** A media file fetched from a pre-signed URL that another operation returns. */
    DOWNLOAD
}
