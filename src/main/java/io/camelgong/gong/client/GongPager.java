package io.camelgong.gong.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongCursorExpiredException;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.Paging;

/**
 * Follows Gong's cursors from a first request to the last page.
 */
public final class GongPager {

    private static final Logger LOG = LoggerFactory.getLogger(GongPager.class);

    // Each restart reads the window from its first page again, which costs requests from the daily budget.
    private static final int MAX_RESTARTS = 3;

    private final PageFetcher fetcher;

    public GongPager(PageFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Reads every page and hands each to a consumer, in order. When a cursor expires midway, reads the window again
     * from the first page and leaves out the records already handed over, matched by their id.
     *
     * @return the last page read
     */
    public GongPage forEachPage(GongRequest first, Consumer<GongPage> pageConsumer) {
        Function<Map<String, Object>, Object> key = recordKey(first.operation());
        Set<Object> deliveredKeys = new HashSet<>();
        int restarts = 0;
        int pageNumber = 0;
        GongRequest request = first;
        while (true) {
            GongPage page;
            try {
                page = fetcher.fetch(request);
            } catch (GongCursorExpiredException e) {
                if (!mayRestart(first, request, restarts)) {
                    throw e;
                }
                restarts++;
                logRestart(first, pageNumber, restarts, deliveredKeys.size(), e);
                request = first;
                pageNumber = 0;
                continue;
            }
            pageNumber++;
            pageConsumer.accept(restarts == 0 ? page : withoutDelivered(page, key, deliveredKeys));
            page.records().forEach(record -> addKey(deliveredKeys, key.apply(record)));
            if (!hasNextPage(request, page)) {
                return page;
            }
            request = nextRequest(request, page);
        }
    }

    /**
     * Returns the function that reads a record's id for an operation: {@code metaData.id} for calls_extensive,
     * {@code callId} for call_transcripts, {@code userId} for the stats lists, {@code answerId} for
     * stats_activity_scorecards, and {@code id} otherwise. It returns {@code null} for a record without one.
     */
    static Function<Map<String, Object>, Object> recordKey(GongOperation operation) {
        return switch (operation.entity()) {
            case "calls_extensive" -> record -> record.get("metaData") instanceof Map<?, ?> meta ? meta.get("id") : null;
            case "call_transcripts" -> record -> record.get("callId");
            case "stats_activity_aggregate", "stats_activity_day_by_day", "stats_interaction" ->
                record -> record.get("userId");
            case "stats_activity_scorecards" -> record -> record.get("answerId");
            default -> record -> record.get("id");
        };
    }

    private static boolean mayRestart(GongRequest first, GongRequest failed, int restarts) {
        // A caller's own cursor cannot be read again from the start, and a first page has no cursor to expire.
        return failed != first && first.params().get("cursor") == null && restarts < MAX_RESTARTS;
    }

    private static void logRestart(GongRequest first, int pagesRead, int restarts, int delivered, GongApiException e) {
        LOG.info("Gong {} cursor expired after {} pages; reading the window again from its first page (restart {} of"
                 + " {}), leaving out the {} records already read [requestId {}]",
                first.operation().name(), pagesRead, restarts, MAX_RESTARTS, delivered, e.getRequestId());
    }

    private static GongPage withoutDelivered(
            GongPage page, Function<Map<String, Object>, Object> key, Set<Object> deliveredKeys) {
        List<Map<String, Object>> fresh = new ArrayList<>();
        for (Map<String, Object> record : page.records()) {
            Object id = key.apply(record);
            if (id == null || !deliveredKeys.contains(String.valueOf(id))) {
                fresh.add(record);
            }
        }
        return new GongPage(fresh, page.nextCursor(), page.requestId(), page.totalRecords());
    }

    private static void addKey(Set<Object> keys, Object id) {
        if (id != null) {
            keys.add(String.valueOf(id));
        }
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
     * page only when the records of the current one are used up, so it keeps at most two pages in memory: the current
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
                page = fetchNext();
                records = page.records().iterator();
                pages++;
            }
            return records.hasNext();
        }

        // Unlike a whole read, the iterator does not read the window again after an expired cursor: skipping the
        // records it already returned would mean keeping every returned id, and memory would grow with the records.
        private GongPage fetchNext() {
            try {
                return fetcher.fetch(request);
            } catch (GongCursorExpiredException e) {
                List<String> errors = new ArrayList<>(e.getErrors());
                errors.add("pagination=streaming read " + pages + " pages and does not read the window again. Gong's"
                           + " cursors expire about an hour after the first request, so consume the records faster,"
                           + " read smaller windows, or use pagination=all, which restarts and skips the records"
                           + " already read");
                throw new GongCursorExpiredException(e.getOperation(), e.getStatusCode(), e.getRequestId(), errors);
            }
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
