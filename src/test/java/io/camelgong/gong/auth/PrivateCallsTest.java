package io.camelgong.gong.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.GongPrivateCallException;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Calls that Gong marks private are withheld from OAuth endpoints unless includePrivateCalls is set.
 */
class PrivateCallsTest extends OAuthTestSupport {

    private String configured;

    private ProducerTemplate start(boolean includePrivateCalls) {
        configured = token("refresh0");
        Path stateFile = tempDir.resolve("state.properties");
        seedChain(stateFile, configured,
                chain(configured, configured, token("access0"), Duration.ofHours(1), baseUrl()));
        GongConfiguration configuration = oauthConfiguration(configured);
        configuration.setStateFile(stateFile.toString());
        configuration.setIncludePrivateCalls(includePrivateCalls);
        return startContext(configuration).createProducerTemplate();
    }

    private void stubCallsListWithPrivate(String privateCallId) {
        ObjectNode answer = recorded("calls_list.json");
        for (var call : answer.withArray("calls")) {
            ((ObjectNode) call).put("isPrivate", privateCallId.equals(call.get("id").asText()));
        }
        gong.stubFor(get(urlPathEqualTo("/v2/calls")).willReturn(okJson(answer.toString())));
    }

    private static List<String> ids(List<Map<String, Object>> records, String field) {
        return records.stream().map(record -> String.valueOf(record.get(field))).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsListDropsPrivateByDefault() {
        String privateCall = recorded("calls_list.json").get("calls").get(1).get("id").asText();
        stubCallsListWithPrivate(privateCall);

        List<Map<String, Object>> calls = start(false).requestBody("gong:calls/list", (Object) null, List.class);

        assertThat(calls).hasSize(3);
        assertThat(ids(calls, "id")).doesNotContain(privateCall);
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsListKeepsPrivateWhenIncluded() {
        String privateCall = recorded("calls_list.json").get("calls").get(1).get("id").asText();
        stubCallsListWithPrivate(privateCall);

        List<Map<String, Object>> calls = start(true).requestBody("gong:calls/list", (Object) null, List.class);

        assertThat(calls).hasSize(4);
        assertThat(ids(calls, "id")).contains(privateCall);
    }

    @Test
    void callsGetRejectsPrivate() {
        ObjectNode answer = recorded("calls_get.json");
        String callId = answer.get("call").get("id").asText();
        ((ObjectNode) answer.get("call")).put("isPrivate", true);
        gong.stubFor(get(urlPathEqualTo("/v2/calls/" + callId)).willReturn(okJson(answer.toString())));
        ProducerTemplate template = start(false);

        assertThatThrownBy(() -> template.requestBody("gong:calls/get?id=" + callId, (Object) null))
                .cause().isInstanceOf(GongPrivateCallException.class)
                .hasMessageContaining(callId).hasMessageContaining("includePrivateCalls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void callsExtensiveDropsPrivateMetaData() {
        ObjectNode answer = recorded("calls_extensive_list.json");
        ArrayNode calls = answer.withArray("calls");
        String privateCall = calls.get(0).get("metaData").get("id").asText();
        ((ObjectNode) calls.get(0).get("metaData")).put("isPrivate", true);
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(okJson(answer.toString())));

        List<Map<String, Object>> kept = start(false).requestBody(
                "gong:calls_extensive/list?fromDateTime=2023-01-01T00:00:00Z&toDateTime=2023-02-01T00:00:00Z",
                (Object) null, List.class);

        assertThat(kept).hasSize(calls.size() - 1);
        assertThat(kept).noneMatch(call -> privateCall.equals(((Map<String, Object>) call.get("metaData")).get("id")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void transcriptsOfPrivateCallsDropped() {
        ObjectNode transcripts = recorded("call_transcripts_list.json");
        List<String> callIds = transcripts.findValuesAsText("callId");
        gong.stubFor(post(urlPathEqualTo("/v2/calls/transcript")).willReturn(okJson(transcripts.toString())));
        // calls/extensive returns the first three calls, the second of them private. The fourth is not visible yet.
        ObjectNode lookup = MAPPER.createObjectNode();
        lookup.put("requestId", "lookup");
        for (int i = 0; i < 3; i++) {
            ObjectNode metaData = lookup.withArray("calls").addObject().putObject("metaData");
            metaData.put("id", callIds.get(i));
            metaData.put("isPrivate", i == 1);
        }
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive"))
                .withRequestBody(matchingJsonPath("$.filter.callIds.length()", equalTo("4")))
                .willReturn(okJson(lookup.toString())));

        List<Map<String, Object>> kept = start(false).requestBody(
                "gong:call_transcripts/list?fromDateTime=2023-01-01T00:00:00Z&toDateTime=2025-11-21T00:00:00Z",
                (Object) null, List.class);

        assertThat(ids(kept, "callId")).containsExactly(callIds.get(0), callIds.get(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void libraryFolderContentDropsPrivate() {
        ObjectNode folder = MAPPER.createObjectNode();
        folder.put("requestId", "folder");
        folder.withArray("calls").addObject().put("id", "1001").put("title", "public call");
        folder.withArray("calls").addObject().put("id", "1002").put("title", "private call");
        gong.stubFor(get(urlPathEqualTo("/v2/library/folder-content")).willReturn(okJson(folder.toString())));
        ObjectNode lookup = MAPPER.createObjectNode();
        lookup.withArray("calls").addObject().putObject("metaData").put("id", "1001").put("isPrivate", false);
        lookup.withArray("calls").addObject().putObject("metaData").put("id", "1002").put("isPrivate", true);
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(okJson(lookup.toString())));

        List<Map<String, Object>> kept = start(false).requestBody(
                "gong:library_folder_content/list?folderId=42", (Object) null, List.class);

        assertThat(ids(kept, "id")).containsExactly("1001");
    }

    @Test
    void downloadOfPrivateCallRejected() {
        ObjectNode lookup = MAPPER.createObjectNode();
        ObjectNode call = lookup.withArray("calls").addObject();
        call.putObject("metaData").put("id", "2001").put("isPrivate", true);
        call.putObject("media").put("audioUrl", baseUrl() + "/media/2001.mp3");
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(okJson(lookup.toString())));
        ProducerTemplate template = start(false);

        assertThatThrownBy(() -> template.requestBody("gong:call_audio/download?id=2001", (Object) null))
                .cause().isInstanceOf(GongPrivateCallException.class).hasMessageContaining("2001");
        assertThat(gong.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/media/2001.mp3")))).isEmpty();
    }
}
