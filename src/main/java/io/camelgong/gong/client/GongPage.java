package io.camelgong.gong.client;

import java.util.List;
import java.util.Map;

/**
 * One response of a Gong list or get operation.
 *
 * @param records      the records of this page; for a get, the single record as the only element
 * @param nextCursor   the cursor of the next page, or {@code null} on the last page
 * @param requestId    Gong's requestId of the answer, or {@code null}
 * @param totalRecords the total Gong reports in {@code records.totalRecords}, or {@code null} when absent
 */
public record GongPage(List<Map<String, Object>> records, String nextCursor, String requestId, Long totalRecords) {

    /**
     * Returns an empty last page, for Gong's "no records found" responses.
     */
    public static GongPage empty(String requestId) {
        return new GongPage(List.of(), null, requestId, 0L);
    }
}
