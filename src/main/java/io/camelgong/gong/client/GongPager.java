package io.camelgong.gong.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.Paging;

/**
 * Follows Gong's cursors from a first request to the last page.
 */
public final class GongPager {

    private final PageFetcher fetcher;

    public GongPager(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Reads every page and hands each to a consumer, in order.
     *
     * @return the last page read
     */
    public GongPage forEachPage(GongRequest first, Consumer<GongPage> pageConsumer) {
        GongRequest request = first;
        GongPage page = fetcher.fetch(request);
        pageConsumer.accept(page);
        while (hasNextPage(request, page)) {
            request = nextRequest(request, page);
            page = fetcher.fetch(request);
            pageConsumer.accept(page);
        }
        return page;
    }

    /**
     * Reads every page and returns all records with the paging facts of the last page.
     */
    public Result readAll(GongRequest first) {
        List<Map<String, Object>> records = new ArrayList<>();
        int[] pages = {0};
        GongPage last = forEachPage(first, page -> {
            records.addAll(page.records());
            pages[0]++;
        });
        return new Result(records, last, pages[0]);
    }

    /**
     * Reads the first page now and returns an iterator over the records of every page. The iterator fetches the next
     * page only when the records of the current one are used up, so it holds at most two pages in memory: the current
     * one, and the next while it is read. Errors of later pages are thrown from {@link Iterator#hasNext()} as
     * {@link GongApiException}.
     */
    public RecordIterator iterate(GongRequest first) {
        return new RecordIterator(first, fetcher.fetch(first));
    }

    private static boolean hasNextPage(GongRequest request, GongPage page) {
        return page.nextCursor() != null && request.operation().paging() != Paging.NONE;
    }

    /**
     * Returns the request for the page after {@code page}.
     *
     * @throws GongApiException when Gong returned the cursor that was sent, which would page forever
     */
    private static GongRequest nextRequest(GongRequest request, GongPage page) {
        String sentCursor = (String) request.params().get("cursor");
        if (page.nextCursor().equals(sentCursor)) {
            throw new GongApiException(request.operation().name(), 200, page.requestId(), List.of(),
                    "Gong returned the cursor that was sent, which would page forever; stopped paging");
        }
        return request.withCursor(page.nextCursor());
    }

    /**
     * The records of every page with the last page's facts.
     *
     * @param records  all records in page order
     * @param lastPage the last page read
     * @param pages    the number of pages read
     */
    public record Result(List<Map<String, Object>> records, GongPage lastPage, int pages) {
    }

    /**
     * A lazy iterator over the records of all pages of a request. Not thread-safe.
     */
    public final class RecordIterator implements Iterator<Map<String, Object>> {

        private final String firstRequestId;
        private final Long totalRecords;
        private GongRequest request;
        private GongPage page;
        private Iterator<Map<String, Object>> records;
        private int pages = 1;

        private RecordIterator(GongRequest first, GongPage firstPage) {
            this.firstRequestId = firstPage.requestId();
            this.totalRecords = firstPage.totalRecords();
            this.request = first;
            this.page = firstPage;
            this.records = firstPage.records().iterator();
        }

        @Override
        public boolean hasNext() {
            // A loop, because a page in the middle may come back empty.
            while (!records.hasNext() && hasNextPage(request, page)) {
                request = nextRequest(request, page);
                page = fetcher.fetch(request);
                records = page.records().iterator();
                pages++;
            }
            return records.hasNext();
        }

        @Override
        public Map<String, Object> next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more Gong records: the last page was read");
            }
            return records.next();
        }

        /**
         * Returns Gong's requestId of the first page.
         */
        public String firstRequestId() {
            return firstRequestId;
        }

        /**
         * Returns the total number of records the first page reported, or {@code null}.
         */
        public Long totalRecords() {
            return totalRecords;
        }

        /**
         * Returns the number of pages read so far.
         */
        public int pages() {
            return pages;
        }
    }
}
