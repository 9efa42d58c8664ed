package io.camelgong.gong.catalog;

/**
 * How a Gong list operation pages through its records.
 */
public enum Paging {
    /** One answer holds every record. */
    NONE,
    /** The next page is requested with {@code ?cursor=} on a GET. */
    QUERY_CURSOR,
    /** The next page is requested with a top-level {@code "cursor"} in the JSON body of a POST. */
    BODY_CURSOR
}
