package io.camelgong.gong.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongCursorExpiredException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cursor following, expiry restarts and de-duplication, without HTTP.
 */
class GongPagerTest {

    private static final GongOperation USERS = GongCatalog.operation("users", "list");
    private static final GongOperation STATS = GongCatalog.operation("stats_interaction", "list");

    @Test
    void expiryRestartsAndSkipsDelivered() {
        ScriptedFetcher fetcher = new ScriptedFetcher()
                .page("c1", "1", "2")
                .expired()
                .page("c1", "1", "2")
                .page("c2", "3")
                .page(null, "4");

        GongPager.Result result = new GongPager(fetcher).readAll(first(USERS, Map.of()));

        assertThat(result.records()).extracting(record -> record.get("id")).containsExactly("1", "2", "3", "4");
        assertThat(fetcher.sentCursors).containsExactly(null, "c1", null, "c1", "c2");
    }

    @Test
    void iteratorFailsOnExpiredCursor() {
        ScriptedFetcher fetcher = new ScriptedFetcher()
                .page("c1", "1", "2")
                .expired();
        List<Object> ids = new ArrayList<>();

        GongPager.RecordIterator records = new GongPager(fetcher).iterate(first(USERS, Map.of()));

        assertThatThrownBy(() -> records.forEachRemaining(record -> ids.add(record.get("id"))))
                .isInstanceOf(GongCursorExpiredException.class)
                .hasMessageContaining("pagination=streaming")
                .hasMessageContaining("pagination=all");
        assertThat(ids).containsExactly("1", "2");
        assertThat(fetcher.sentCursors).containsExactly(null, "c1");
    }

    @Test
    void restartsAtMostThreeTimes() {
        ScriptedFetcher fetcher = new ScriptedFetcher();
        for (int i = 0; i < 4; i++) {
            fetcher.page("c1", "1").expired();
        }

        assertThatThrownBy(() -> new GongPager(fetcher).readAll(first(USERS, Map.of())))
                .isInstanceOf(GongCursorExpiredException.class);
        assertThat(fetcher.sentCursors).hasSize(8);
    }

    @Test
    void callerCursorIsNotRestarted() {
        ScriptedFetcher fetcher = new ScriptedFetcher().expired();

        assertThatThrownBy(() -> new GongPager(fetcher).readAll(first(USERS, Map.of("cursor", "old"))))
                .isInstanceOf(GongCursorExpiredException.class);
        assertThat(fetcher.sentCursors).containsExactly("old");
    }

    @Test
    void repeatedCursorStopsPaging() {
        ScriptedFetcher fetcher = new ScriptedFetcher().page("c1", "1").page("c1", "2");

        assertThatThrownBy(() -> new GongPager(fetcher).readAll(first(USERS, Map.of())))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("returned the cursor that was sent");
    }

    @Test
    void statsRecordsAreKeyedByUserId() {
        Map<String, Object> record = Map.of("userId", "77", "userEmailAddress", "a@example.com");

        assertThat(GongPager.recordKey(STATS).apply(record)).isEqualTo("77");
    }

    @Test
    void extensiveCallsAreKeyedByMetaDataId() {
        Map<String, Object> record = Map.of("metaData", Map.of("id", "99"));

        assertThat(GongPager.recordKey(GongCatalog.operation("calls_extensive", "list")).apply(record))
                .isEqualTo("99");
    }

    private static GongRequest first(GongOperation operation, Map<String, ?> params) {
        return GongRequest.of(operation, GongParameters.resolve(operation, Map.of(), params));
    }

    /**
     * Returns scripted pages in order and records the cursor each request carried.
     */
    private static final class ScriptedFetcher implements PageFetcher {

        private final List<Object> script = new ArrayList<>();
        private final List<String> sentCursors = new ArrayList<>();

        ScriptedFetcher page(String nextCursor, String... ids) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (String id : ids) {
                records.add(Map.of("id", id));
            }
            script.add(new GongPage(records, nextCursor, "req-" + ids[0], null));
            return this;
        }

        ScriptedFetcher expired() {
            script.add(new GongCursorExpiredException("users/list", 400, "req-expired", List.of("cursor has expired")));
            return this;
        }

        @Override
        public GongPage fetch(GongRequest request) {
            sentCursors.add((String) request.params().get("cursor"));
            Object next = script.remove(0);
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (GongPage) next;
        }
    }
}
