package io.camelgong.gong.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        while (page.nextCursor() != null && request.operation().paging() != Paging.NONE) {
            String sentCursor = (String) request.params().get("cursor");
            if (page.nextCursor().equals(sentCursor)) {
                throw new GongApiException(request.operation().name(), 200, page.requestId(), List.of(),
                        "Gong returned the cursor that was sent, which would page forever; stopped paging");
            }
            request = request.withCursor(page.nextCursor());
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
     * The records of every page with the last page's facts.
     *
     * @param records  all records in page order
     * @param lastPage the last page read
     * @param pages    the number of pages read
     */
    public record Result(List<Map<String, Object>> records, GongPage lastPage, int pages) {
    }
}
