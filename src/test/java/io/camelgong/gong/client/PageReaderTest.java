package io.camelgong.gong.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageReaderTest {

    private static final GongOperation CALLS_EXTENSIVE = GongCatalog.operation("calls_extensive", "list");
    private static final GongOperation CALLS_GET = GongCatalog.operation("calls", "get");

    static byte[] recordedResponse(String file) throws IOException {
        try (InputStream in = PageReaderTest.class.getResourceAsStream("/recorded/" + file)) {
            JsonNode recorded = GongApi.MAPPER.readTree(in);
            return GongApi.MAPPER.writeValueAsBytes(recorded.get("response"));
        }
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsRecordedPageLikeTreeParse() throws IOException {
        byte[] body = recordedResponse("calls_extensive_list_content_selector.json");
        Map<String, Object> tree = GongApi.MAPPER.readValue(body, Map.class);

        GongPage page = PageReader.read(CALLS_EXTENSIVE, 200, new ByteArrayInputStream(body));

        assertThat(page.records()).isEqualTo(tree.get("calls"));
        assertThat(page.records()).hasSize(100);
        assertThat(page.requestId()).isEqualTo(tree.get("requestId"));
        Map<String, Object> paging = (Map<String, Object>) tree.get("records");
        assertThat(page.nextCursor()).isEqualTo(paging.get("cursor"));
        assertThat(page.totalRecords()).isEqualTo(299L);
    }

    @Test
    void readsFieldsInAnyOrder() throws IOException {
        String json = "{\"calls\":[{\"id\":\"1\"}],\"extra\":{\"a\":[1,2]},\"records\":{\"cursor\":\"c\","
                      + "\"totalRecords\":7},\"requestId\":\"r\"}";

        GongPage page = PageReader.read(CALLS_EXTENSIVE, 200, stream(json));

        assertThat(page.records()).containsExactly(Map.of("id", "1"));
        assertThat(page.nextCursor()).isEqualTo("c");
        assertThat(page.totalRecords()).isEqualTo(7L);
        assertThat(page.requestId()).isEqualTo("r");
    }

    @Test
    void countsRecordsWhenTotalAbsent() throws IOException {
        GongPage page = PageReader.read(CALLS_EXTENSIVE, 200, stream("{\"calls\":[{},{}]}"));

        assertThat(page.totalRecords()).isEqualTo(2L);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void readsSingleRecordOfGet() throws IOException {
        GongPage page = PageReader.read(CALLS_GET, 200, stream("{\"requestId\":\"r\",\"call\":{\"id\":\"9\"}}"));

        assertThat(page.records()).containsExactly(Map.of("id", "9"));
        assertThat(page.totalRecords()).isEqualTo(1L);
    }

    @Test
    void rejectsMissingRecordsField() {
        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, stream("{\"requestId\":\"r\",\"users\":[]}")))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("no 'calls' field")
                .hasMessageContaining("\"users\":[]");
    }

    @Test
    void rejectsRecordsOfWrongShape() {
        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, stream("{\"calls\":{\"id\":\"1\"}}")))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("no 'calls' field");
    }

    @Test
    void rejectsBodyThatIsNoObject() {
        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, stream("[1,2]")))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("not a JSON object: [1,2]");
    }

    @Test
    void rejectsEmptyBody() {
        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, InputStream.nullInputStream()))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("not a JSON object: (empty)");
    }

    @Test
    void quotesBodyStartOfUnreadableJson() {
        String html = "<html><body>Bad gateway</body></html>";

        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, stream(html)))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("unreadable JSON")
                .hasMessageContaining("<html><body>Bad gateway");
    }

    @Test
    void quotesBodyStartOfTruncatedPage() throws IOException {
        byte[] body = recordedResponse("calls_extensive_list.json");
        byte[] truncated = Arrays.copyOf(body, body.length / 2);

        assertThatThrownBy(() -> PageReader.read(CALLS_EXTENSIVE, 200, new ByteArrayInputStream(truncated)))
                .isInstanceOf(GongApiException.class)
                .hasMessageContaining("unreadable JSON")
                .hasMessageContaining("{\"requestId\":\"9q58ptho0wodt7uo3q4\"");
    }

    @Test
    void keepsOnlyPrefixOfStream() throws IOException {
        byte[] data = new byte[5000];
        Arrays.fill(data, (byte) 'x');
        PageReader.PrefixInputStream in = new PageReader.PrefixInputStream(new ByteArrayInputStream(data), 10);

        assertThat(in.readAllBytes()).hasSize(5000);
        assertThat(in.prefix()).hasSize(10);
        assertThat(in.read()).isEqualTo(-1);
    }
}
