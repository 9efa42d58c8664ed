package io.camelgong.gong;

/**
 * How a producer returns the records of a paged list.
 */
public enum GongPagination {
    /** Follows every cursor and returns all records as one {@code List}. */
    all,
    /** Returns one page and sets the {@code CamelGongNextCursor} header; send it back as {@code cursor} to go on. */
    single,
    /**
     * Returns a lazy {@code java.util.Iterator} over the records of all pages. The first page is read at once; each
     * further page is read only when the iterator reaches it, so {@code split(body()).streaming()} handles any number
     * of records with at most two pages in memory (the current one, and the next while it is read).
     */
    streaming
}
