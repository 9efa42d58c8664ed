package io.camelgong.gong;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exact requests of the operations no recording covers, checked against Gong's documented shapes.
 */
class UnrecordedOperationsTest extends GongTestSupport {

    private static final String WORKSPACE = "6543219876543210987";
    private static final String USER = "841697149643495318";

    @Test
    void settingsScorecardsSendsWorkspaceQuery() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/settings/scorecards")).willReturn(okJson("""
                {"requestId":"r1","scorecards":[{"scorecardId":"1122334455667788990","scorecardName":"Discovery",
                 "workspaceId":"6543219876543210987","enabled":true,"questions":[]}]}""")));

        Exchange exchange = send("gong:settings_scorecards/list?workspaceId=" + WORKSPACE, null);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/settings/scorecards"))
                .withQueryParam("workspaceId", equalTo(WORKSPACE))
                .withHeader("Authorization", equalTo(BASIC_AUTHORIZATION)));
        assertThat(records(exchange)).extracting(record -> record.get("scorecardName")).containsExactly("Discovery");
    }

    @Test
    void settingsTrackersReadsKeywordTrackers() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/settings/trackers")).willReturn(okJson("""
                {"requestId":"r2","keywordTrackers":[{"trackerId":"2233445566778899001","trackerName":"Budget"},
                 {"trackerId":"2233445566778899002","trackerName":"Next Steps"}]}""")));

        Exchange exchange = send("gong:settings_trackers/list", null);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/settings/trackers"))
                .withHeader("Authorization", equalTo(BASIC_AUTHORIZATION)));
        assertThat(records(exchange)).hasSize(2);
    }

    @Test
    void libraryFoldersRequiresAndSendsWorkspace() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/library/folders")).willReturn(okJson("""
                {"requestId":"r3","folders":[{"id":"3344556677889900112","name":"Best calls"}]}""")));

        Exchange exchange = send("gong:library_folders/list", Map.of("workspaceId", WORKSPACE));

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/library/folders"))
                .withQueryParam("workspaceId", equalTo(WORKSPACE)));
        assertThat(records(exchange)).hasSize(1);
    }

    @Test
    void libraryFolderContentPagesWithQueryCursor() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/library/folder-content")).willReturn(okJson("""
                {"requestId":"r4","records":{"totalRecords":1,"currentPageSize":1,"currentPageNumber":0},
                 "calls":[{"callId":"5198900831628433849","title":"Demo"}]}""")));

        Exchange exchange = send("gong:library_folder_content/list?folderId=3344556677889900112", null);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/library/folder-content"))
                .withQueryParam("folderId", equalTo("3344556677889900112")));
        assertThat(records(exchange)).hasSize(1);
    }

    @Test
    void coachingSendsHyphenatedQueryNames() {
        wireMock.stubFor(get(urlPathEqualTo("/v2/coaching")).willReturn(okJson("""
                {"requestId":"r5","coachingData":[{"userId":"841697149643495318","isManager":true}]}""")));

        Exchange exchange = send("gong:coaching/list?workspaceId=" + WORKSPACE + "&managerId=" + USER
                                 + "&fromDateTime=2026-01-01T00:00:00Z&toDateTime=2026-02-01T00:00:00Z",
                null);

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v2/coaching"))
                .withQueryParam("workspace-id", equalTo(WORKSPACE))
                .withQueryParam("manager-id", equalTo(USER))
                .withQueryParam("from", equalTo("2026-01-01T00:00:00Z"))
                .withQueryParam("to", equalTo("2026-02-01T00:00:00Z")));
        assertThat(records(exchange)).hasSize(1);
    }

    @Test
    void statsActivityScorecardsSendsFilterBody() {
        wireMock.stubFor(post(urlPathEqualTo("/v2/stats/activity/scorecards")).willReturn(okJson("""
                {"requestId":"r6","records":{"totalRecords":1,"currentPageSize":1,"currentPageNumber":0},
                 "answeredScorecards":[{"answeredScorecardId":"4455667788990011223"}]}""")));

        Exchange exchange = send("gong:stats_activity_scorecards/list", Map.of("filter", Map.of(
                "fromDateTime", "2026-01-01T00:00:00+02:00",
                "toDateTime", "2026-01-31T00:00:00+02:00",
                "scorecardIds", List.of("1122334455667788990"))));

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/stats/activity/scorecards"))
                .withRequestBody(equalToJson("""
                        {"filter":{"fromDateTime":"2026-01-01T00:00:00+02:00",
                         "toDateTime":"2026-01-31T00:00:00+02:00","scorecardIds":["1122334455667788990"]}}""")));
        assertThat(records(exchange)).hasSize(1);
    }

    @Test
    void callAudioDownloadsMediaWithoutGongCredentials() throws Exception {
        String mediaUrl = baseUrl() + "/media-bucket/audio.mp3?X-Amz-Signature=abc";
        wireMock.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(okJson("""
                {"requestId":"r7","records":{"totalRecords":1,"currentPageSize":1,"currentPageNumber":0},
                 "calls":[{"metaData":{"id":"5198900831628433849"},"media":{"audioUrl":"%s"}}]}"""
                .formatted(mediaUrl))));
        wireMock.stubFor(get(urlPathEqualTo("/media-bucket/audio.mp3")).willReturn(aResponse().withStatus(206)
                .withHeader("Content-Type", "audio/mpeg").withHeader("Content-Range", "bytes 0-3/100")
                .withBody(new byte[] { 1, 2, 3, 4 })));

        // The media stream is closed when the exchange completes, so the route reads it before that.
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download").to("gong:call_audio/download?id=5198900831628433849&range=bytes=0-3")
                        .convertBodyTo(byte[].class);
            }
        });
        Exchange exchange = template.request("direct:download", ex -> {
        });

        assertThat(exchange.getException()).isNull();
        wireMock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v2/calls/extensive"))
                .withRequestBody(equalToJson("""
                        {"filter":{"callIds":["5198900831628433849"]},
                         "contentSelector":{"exposedFields":{"media":true}}}""")));
        wireMock.verify(exactly(1), getRequestedFor(urlPathEqualTo("/media-bucket/audio.mp3"))
                .withHeader("Range", equalTo("bytes=0-3"))
                .withoutHeader("Authorization"));
        assertThat(exchange.getMessage().getBody(byte[].class)).containsExactly(1, 2, 3, 4);
        assertThat(exchange.getMessage().getHeader(GongConstants.CONTENT_RANGE)).isEqualTo("bytes 0-3/100");
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE, String.class)).startsWith("audio/mpeg");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
