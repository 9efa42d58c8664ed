package io.camelgong.gong;

/**
 * How a producer returns the records of a paged list.
 */
public enum GongPagination {
    /** Follows every cursor and returns all records as one {@code List}. */
    all,
    /** Returns one page and sets the {@code CamelGongNextCursor} header; send it back as {@code cursor} to go on. */
    single
}
