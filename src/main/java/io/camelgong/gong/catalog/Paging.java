package io.camelgong.gong.catalog;

/**
 * Paging style of a Gong list operation.
 */
public enum Paging {
    /** One response contains every record. */
    NONE,
    /** The next page is requested with {@code ?cursor=} on a GET. */
    QUERY_CURSOR,
    /** The next page is requested with a top-level {@code "cursor"} in the JSON body of a POST. */
    BODY_CURSOR
}
