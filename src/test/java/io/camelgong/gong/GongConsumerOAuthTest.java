package io.camelgong.gong;

import java.io.Reader;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The calls consumer with OAuth credentials: it shares the state file with the token chain and, like every OAuth
 * listing, leaves out calls that Gong marks private.
 */
class GongConsumerOAuthTest extends ConsumerTestSupport {

    private static final String TOKEN_PATH = "/oauth2/generate-customer-token";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void skipsPrivateCallsAndSharesStateFile() throws Exception {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"consumer-access-1\","
                + "\"refresh_token\":\"consumer-refresh-2\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                + "\"scope\":\"api:calls:read:basic\",\"api_base_url_for_customer\":\"http://127.0.0.1:"
                + server.port() + "\"}")));
        gong.addCall("1", at(now.minus(Duration.ofHours(2)), 0));
        gong.addCall("2", at(now.minus(Duration.ofHours(1)), 0));
        gong.makePrivate("1");
        String uri = "gong:calls?baseUrl=http://127.0.0.1:" + server.port() + "&clientId=consumerclient"
                     + "&clientSecret=RAW(client-secret)&refreshToken=RAW(consumer-refresh-1)"
                     + "&tokenUrl=RAW(http://127.0.0.1:" + server.port() + TOKEN_PATH + ")&stateFile=" + stateFile()
                     + "&delay=100&initialDelay=0";

        startContext(uri, exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        await().atMost(10, TimeUnit.SECONDS).until(() -> storedWatermark("calls") != null);

        assertThat(receivedIds()).containsExactly("2");
        Set<String> keys = stateKeys();
        assertThat(keys).anyMatch(key -> key.startsWith("gong.consumer.") && key.endsWith(".calls.watermark"));
        assertThat(keys).anyMatch(key -> !key.startsWith("gong.consumer."));
        assertThat(Files.readString(stateFile())).doesNotContain("accessKey:");
    }

    @Test
    void newConsentKeepsWatermark() throws Exception {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"consent-access\","
                + "\"refresh_token\":\"consent-refresh-next\",\"token_type\":\"bearer\",\"expires_in\":3600,"
                + "\"scope\":\"api:calls:read:basic\",\"api_base_url_for_customer\":\"http://127.0.0.1:"
                + server.port() + "\"}")));
        gong.addCall("1", at(now.minus(Duration.ofHours(2)), 0));
        gong.addCall("2", at(now.minus(Duration.ofHours(1)), 0));
        CamelContext first = startContext(consentUri("first-consent-refresh"), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 2);
        first.stop();
        received.clear();

        gong.addCall("3", at(now.minus(Duration.ofMinutes(30)), 0));
        startContext(consentUri("second-consent-refresh"), exchange -> {
        });
        await().atMost(10, TimeUnit.SECONDS).until(() -> received.size() >= 1);
        // one more poll cycle, so a repeat of calls 1 and 2 would have arrived by now
        Thread.sleep(500);

        assertThat(receivedIds()).containsExactly("3");
    }

    private String consentUri(String refreshToken) {
        return "gong:calls?baseUrl=http://127.0.0.1:" + server.port() + "&clientId=consumerclient"
               + "&clientSecret=RAW(client-secret)&refreshToken=RAW(" + refreshToken + ")"
               + "&tokenUrl=RAW(http://127.0.0.1:" + server.port() + TOKEN_PATH + ")&stateFile=" + stateFile()
               + "&delay=100&initialDelay=0";
    }

    @Test
    void spentRefreshTokenStopsRequests() throws Exception {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
        gong.addCall("1", at(now.minus(Duration.ofHours(1)), 0));
        String uri = "gong:calls?baseUrl=http://127.0.0.1:" + server.port() + "&clientId=consumerclient"
                     + "&clientSecret=RAW(client-secret)&refreshToken=RAW(spent-refresh)"
                     + "&tokenUrl=RAW(http://127.0.0.1:" + server.port() + TOKEN_PATH + ")&stateFile=" + stateFile()
                     + "&delay=100&initialDelay=0";

        CamelContext context = startContext(uri, exchange -> {
        });
        GongConsumer consumer = (GongConsumer) context.getRoute("gong-consumer").getConsumer();
        await().atMost(10, TimeUnit.SECONDS).until(() -> consumer.getErrorCounter() >= 5);

        assertThat(received).isEmpty();
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)))).hasSize(1);
        assertThat(server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls")))).isEmpty();
    }

    private Set<String> stateKeys() throws Exception {
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile())) {
            state.load(reader);
        }
        return state.stringPropertyNames();
    }
}
