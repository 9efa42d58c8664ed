package io.camelgong.gong;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Bad endpoint URIs, options and message parameters: each fails with a message that names the value, what was
 * expected and what to do, and no request reaches Gong.
 */
class GongBadInputTest extends GongWireMockTestSupport {

    private static final String BARE_SECRET = "bare-secret-0xDEADBEEF";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // A component without credentials, for the authentication cases.
        context.addComponent("gongbare", new GongComponent());
        return context;
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                // entity and action
                bad("unknown entity", "gong:meetings/list", null,
                        "Unknown Gong entity 'meetings'", "expected one of", "calls_extensive"),
                bad("action not offered", "gong:users/download", null,
                        "Unknown action 'download'", "[get, list]", "gong:users/list"),
                bad("missing action", "gong:users", null,
                        "Invalid Gong endpoint 'gong:users': missing action", "name the action", "gong:users/list"),
                bad("too many path segments", "gong:calls/list/extra", null,
                        "gong:calls/list/extra", "expected gong:entity/action"),
                bad("action on execute", "gong:execute/list", null,
                        "gong:execute/list", "CamelGongEntity"),
                bad("execute without entity header", "gong:execute", null,
                        "Missing header CamelGongEntity", "set CamelGongEntity"),

                // dates
                bad("malformed fromDateTime", "gong:calls/list?fromDateTime=2026-13-01T00:00:00Z", null,
                        "'fromDateTime'", "2026-13-01T00:00:00Z", "ISO-8601 date-time"),
                bad("fromDateTime without offset", "gong:calls/list?fromDateTime=2026-01-01T00:00:00", null,
                        "2026-01-01T00:00:00", "with an offset"),
                bad("from after to in options",
                        "gong:calls/list?fromDateTime=2026-02-01T00:00:00Z&toDateTime=2026-01-01T00:00:00Z", null,
                        "'fromDateTime' 2026-02-01T00:00:00Z is after 'toDateTime' 2026-01-01T00:00:00Z",
                        "expected the start before the end"),
                bad("from after to in params", "gong:calls_extensive/list",
                        Map.of("filter", Map.of("fromDateTime", "2026-03-01T00:00:00Z",
                                "toDateTime", "2026-02-01T00:00:00+01:00")),
                        "'filter.fromDateTime' 2026-03-01T00:00:00Z is after", "expected the start before the end"),
                bad("stats toDate after today", "gong:stats_activity_aggregate/list?fromDate=2026-01-01&toDate=2999-01-01",
                        null, "'filter.toDate'", "2999-01-01 is after today", "today at the latest"),
                bad("stats malformed date", "gong:stats_interaction/list?fromDate=01/02/2026&toDate=2026-02-01",
                        null, "'filter.fromDate'", "01/02/2026", "ISO-8601 date, e.g. 2026-01-31"),
                bad("stats missing fromDate", "gong:stats_activity_day_by_day/list?toDate=2026-02-01", null,
                        "Missing required parameter 'filter.fromDate'", "endpoint option 'fromDate'"),
                bad("coaching missing manager", "gong:coaching/list?workspaceId=1&fromDateTime=2026-01-01T00:00:00Z"
                                                 + "&toDateTime=2026-02-01T00:00:00Z",
                        null, "Missing required parameter 'manager-id'", "endpoint option 'managerId'"),
                bad("library folders missing workspace", "gong:library_folders/list", null,
                        "Missing required parameter 'workspaceId'", "numeric Gong id"),

                // ids
                bad("empty id param", "gong:calls/get", Map.of("id", ""),
                        "Invalid parameter 'id'", "String ''", "numeric Gong id"),
                bad("non-numeric id", "gong:users/get?id=abc", null,
                        "Invalid parameter 'id'", "'abc'", "numeric Gong id of 1 to 20 digits"),
                bad("id of 21 digits", "gong:calls/get?id=123456789012345678901", null,
                        "123456789012345678901", "1 to 20 digits"),
                bad("missing id", "gong:calls/get", null,
                        "Missing required parameter 'id'", "endpoint option 'id'"),
                bad("non-numeric id in list", "gong:calls_extensive/list?callIds=1,abc", null,
                        "'filter.callIds'", "1,abc", "list of numeric Gong ids"),
                bad("empty id list", "gong:call_transcripts/list", Map.of("filter", Map.of("callIds", List.of())),
                        "'filter.callIds'", "list of numeric Gong ids", "got List '[]'"),
                bad("id of wrong type", "gong:users/get", Map.of("id", 12.5),
                        "Invalid parameter 'id'", "Double '12.5'"),

                // parameter types and names
                bad("boolean not a boolean", "gong:users/list?includeAvatars=maybe", null,
                        "includeAvatars=maybe", "expected true or false"),
                bad("boolean of wrong type", "gong:users/list", Map.of("includeAvatars", 5),
                        "'includeAvatars'", "Integer '5'", "true or false"),
                bad("nested param not a map", "gong:calls_extensive/list", Map.of("filter", "callIds=1"),
                        "Invalid parameter 'filter'", "expected a Map of", "String 'callIds=1'"),
                bad("deeper param not a map", "gong:calls_extensive/list",
                        Map.of("contentSelector", Map.of("exposedFields", List.of("media"))),
                        "'contentSelector.exposedFields'", "expected a Map of", "media"),
                bad("unknown param", "gong:users/list", Map.of("pageSize", 500),
                        "Unknown parameter 'pageSize'", "expected one of", "includeAvatars"),
                bad("unknown nested param", "gong:calls_extensive/list", Map.of("filter", Map.of("userId", "1")),
                        "Unknown parameter 'filter.userId'", "filter.primaryUserIds"),
                bad("enum value not allowed", "gong:calls_extensive/list",
                        Map.of("contentSelector", Map.of("context", "Full")),
                        "'contentSelector.context'", "'Full'", "one of [None, Basic, Extended]"),
                bad("params header not a map", "gong:users/list", "includeAvatars=true",
                        "Invalid header CamelGongParams", "expected a java.util.Map", "java.lang.String"),
                bad("option not used by operation", "gong:users/list?fromDateTime=2026-01-01T00:00:00Z", null,
                        "Option 'fromDateTime' is not used by gong:users/list", "Remove the option"),
                bad("download with id and callIds", "gong:call_audio/download?id=1",
                        Map.of("filter", Map.of("callIds", List.of("2"))),
                        "either as 'id' or as 'filter.callIds', not both"),
                bad("download of two calls", "gong:call_video/download",
                        Map.of("filter", Map.of("callIds", List.of("1", "2"))),
                        "expected exactly one call id, got 2", "split the list first"),

                // authentication
                bad("access key without secret", "gongbare:users/list?accessKey=KEYONLY", null,
                        "Missing option 'accessKeySecret'", "set both accessKey and accessKeySecret"),
                bad("secret without access key", "gongbare:users/list?accessKeySecret=RAW(" + BARE_SECRET + ")", null,
                        "Missing option 'accessKey'", "set both accessKey and accessKeySecret"),
                bad("no credentials", "gongbare:users/list", null,
                        "Missing Gong credentials", "set accessKey and accessKeySecret", "camel.component.gong.*"),
                bad("unknown auth mode", "gong:users/list?authMode=password", null,
                        "authMode=password", "one of [accessKey, oauth, hosted]"),

                // connection and resilience options
                bad("http base URL to remote host", "gong:users/list?baseUrl=http://api.gong.io", null,
                        "baseUrl='http://api.gong.io'", "plain http", "use https"),
                bad("base URL with path", "gong:users/list?baseUrl=https://api.gong.io/v2", null,
                        "baseUrl='https://api.gong.io/v2'", "without a path"),
                bad("base URL not http", "gong:users/list?baseUrl=ftp://api.gong.io", null,
                        "baseUrl='ftp://api.gong.io'", "absolute https URL"),
                bad("negative rate limit", "gong:users/list?rateLimit=-1", null,
                        "rateLimit=-1.0", "requests per second of at least 0.001"),
                bad("zero rate limit", "gong:users/list?rateLimit=0", null,
                        "rateLimit=0.0", "requests per second of at least 0.001"),
                bad("tiny rate limit", "gong:users/list?rateLimit=1e-300", null,
                        "rateLimit=1.0E-300", "requests per second of at least 0.001"),
                bad("rate limit not a number", "gong:users/list?rateLimit=fast", null,
                        "rateLimit=fast", "expected a number"),
                bad("zero daily budget", "gong:users/list?dailyRequestBudget=0", null,
                        "dailyRequestBudget=0", "positive number of requests per day"),
                bad("huge daily budget", "gong:users/list?dailyRequestBudget=9223372036854775807", null,
                        "dailyRequestBudget=9223372036854775807", "up to 86400000000000"),
                bad("warn percent above 100", "gong:users/list?dailyBudgetWarnPercent=150", null,
                        "dailyBudgetWarnPercent=150", "percentage from 1 to 100"),
                bad("negative max retries", "gong:users/list?maxRetries=-1", null,
                        "maxRetries=-1", "0 (no retries) or a positive number"),
                bad("negative request timeout", "gong:users/list?requestTimeout=-5", null,
                        "requestTimeout=-5", "0 or a positive duration"),
                bad("zero connect timeout", "gong:users/list?connectTimeout=0", null,
                        "connectTimeout=0", "positive duration in milliseconds"),
                bad("proxy port out of range", "gong:users/list?proxyPort=70000", null,
                        "proxyPort=70000", "TCP port from 1 to 65535"),
                bad("unknown pagination", "gong:users/list?pagination=some", null,
                        "pagination=some", "one of [all, single, streaming]"),
                bad("duration not a duration", "gong:users/list?readTimeout=soon", null,
                        "readTimeout=soon", "duration in milliseconds"),
                bad("request timeout of words", "gong:users/list?requestTimeout=abc", null,
                        "requestTimeout=abc", "duration in milliseconds"),
                bad("request timeout with a fraction", "gong:users/list?requestTimeout=1.5", null,
                        "requestTimeout=1.5", "duration in milliseconds"),
                bad("rate limit wait with a stray unit", "gong:users/list?maxRateLimitWait=1h2x", null,
                        "maxRateLimitWait=1h2x", "such as 500ms, 10s, 5m or 1h30m"),
                bad("unknown option", "gong:users/list?pageSize=500", null,
                        "pageSize"),
                bad("stats window of no days",
                        "gong:stats_activity_aggregate/list?fromDate=2024-11-05&toDate=2024-11-05", null,
                        "'filter.fromDate' 2024-11-05 is the same as 'filter.toDate'", "the start before the end"),

                bad("two byte ranges", "gong:call_audio/download?id=5198900831628433849&range=bytes=0-9,20-29", null,
                        "'range_header'", "bytes=0-9,20-29", "one HTTP byte range"),

                bad("unparseable option on execute", "gong:execute?fromDateTime=garbage", null,
                        "Invalid option fromDateTime=garbage", "ISO-8601 date-time with an offset"),

                // consumer options
                bad("zero lookback", "gong:calls?lookback=PT0S", null,
                        "lookback=PT0S", "a positive ISO-8601 duration"),
                bad("initial start in the future", "gong:calls?initialFromDateTime=-PT24H", null,
                        "initialFromDateTime=-PT24H", "a start in the past"),
                bad("contentSelector without extensive", "gong:calls?contentSelector=parties", null,
                        "contentSelector=parties", "enrich=extensive"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputFailsBeforeRequest(String name, String uri, Object params, List<String> expectedFragments) {
        String target = uri.contains("baseUrl=") ? uri : withLocalBaseUrl(uri);

        Throwable thrown = catchThrowable(() -> template.requestBodyAndHeader(target, null, GongConstants.PARAMS,
                params));

        assertThat(thrown).as("an exception for %s", name).isNotNull();
        String messages = messages(thrown);
        for (String fragment : expectedFragments) {
            assertThat(messages).as("message of %s", name).contains(fragment);
        }
        assertThat(messages).doesNotContain(ACCESS_KEY_SECRET).doesNotContain(BARE_SECRET);
        assertThat(wireMock.getAllServeEvents()).as("requests sent for %s", name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "250", "250ms", "10s", "5m", "1h30m", "2d", "1d2h3m4s5ms" })
    void durationFormsAreAccepted(String duration) {
        assertThatCode(() -> context.getEndpoint(withLocalBaseUrl("gong:users/list?requestTimeout=" + duration)))
                .doesNotThrowAnyException();
    }

    private static Arguments bad(String name, String uri, Object params, String... expectedFragments) {
        return Arguments.of(name, uri, params, List.of(expectedFragments));
    }

    private static String withLocalBaseUrl(String uri) {
        return uri + (uri.contains("?") ? "&" : "?") + "baseUrl=" + baseUrl();
    }

    private static String messages(Throwable thrown) {
        List<String> messages = new ArrayList<>();
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            messages.add(current.getMessage());
        }
        return String.join(" | ", messages);
    }
}
