package io.camelgong.gong;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Where credentials go: only to the configured Gong host, never to a redirect target or a media URL, over TLS that
 * sslContextParameters controls, and through the configured proxy.
 */
class GongTransportSecurityTest extends GongWireMockTestSupport {

    private static final String STORE_PASSWORD = "changeit";

    private static WireMockServer other;
    private static WireMockServer https;
    private static Path keyStore;

    @BeforeAll
    static void startServers() throws Exception {
        other = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        other.start();
        keyStore = generateKeyStore();
        https = new WireMockServer(wireMockConfig().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
                .keystorePath(keyStore.toString()).keystorePassword(STORE_PASSWORD).keystoreType("PKCS12")
                .keyManagerPassword(STORE_PASSWORD));
        https.start();
    }

    @AfterAll
    static void stopServers() {
        other.stop();
        https.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // The download stream closes when the exchange completes, so the route reads it.
                from("direct:audio").to(uri("call_audio/download", "id=7")).convertBodyTo(byte[].class);
            }
        };
    }

    @Test
    void redirectIsNotFollowed() {
        other.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + other.port() + "/v2/users")));

        Throwable thrown = catchThrowable(() -> template.requestBody(uri("users/list", ""), null, List.class));

        assertThat(thrown).isInstanceOf(CamelExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(GongApiException.class);
        assertThat(((GongApiException) thrown.getCause()).getStatusCode()).isEqualTo(302);
        assertThat(other.getAllServeEvents()).isEmpty();
    }

    @Test
    void mediaUrlGetsNoCredentials() {
        other.resetAll();
        String mediaUrl = "http://127.0.0.1:" + other.port() + "/media/call-7.mp3?signature=abc";
        wireMock.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).willReturn(okJson(
                "{\"requestId\":\"req-media\",\"records\":{\"totalRecords\":1},\"calls\":[{\"metaData\":{\"id\":\"7\"},"
                + "\"media\":{\"audioUrl\":\"" + mediaUrl + "\"}}]}")));
        other.stubFor(get(urlPathEqualTo("/media/call-7.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(new byte[] { 1, 2, 3 })));

        byte[] audio = template.requestBody("direct:audio", null, byte[].class);

        assertThat(audio).containsExactly(1, 2, 3);

        other.verify(1, getRequestedFor(urlPathEqualTo("/media/call-7.mp3")).withHeader("Authorization", absent()));
        wireMock.verify(1, anyRequestedFor(anyUrl()).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
    }

    @Test
    void credentialsGoOnlyToBaseUrlHost() {
        other.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));

        template.requestBody(uri("users/list", ""), null, List.class);

        assertThat(other.getAllServeEvents()).isEmpty();
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v2/users")).withHeader("Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.matching("Basic .+")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://api.gong.io", "http://127.0.0.1.example.com", "http://localhost.example.com", "http://10.0.0.1",
            "http://[fe80::1]" })
    void plainHttpToNonLoopbackIsRejected(String url) {
        assertThatThrownBy(() -> GongEndpoint.validateBaseUrl(url, "baseUrl"))
                .isInstanceOf(GongValidationException.class)
                .hasMessageContaining("plain http would send credentials unencrypted");
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "https://api.gong.io" })
    void loopbackHttpAndHttpsAreAccepted(String url) {
        assertThatCode(() -> GongEndpoint.validateBaseUrl(url, "baseUrl")).doesNotThrowAnyException();
    }

    @Test
    void tlsWithTrustStoreSucceeds() {
        https.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        context.getRegistry().bind("gongTls", trustingParameters());

        List<?> users = template.requestBody("gong:users/list?baseUrl=https://127.0.0.1:" + https.httpsPort()
                                             + "&sslContextParameters=#gongTls", null, List.class);

        assertThat(users).hasSize(9);
    }

    @Test
    void slowHandshakeKeepsRequestsSpaced() throws Exception {
        https.resetAll();
        https.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        context.getRegistry().bind("gongTls", trustingParameters());
        SSLContextParameters slowTls = new SSLContextParameters();
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setTrustManager(new SlowTrustManager(keyStore, 300));
        slowTls.setTrustManagers(trustManagers);
        context.getRegistry().bind("slowTls", slowTls);
        String httpsBase = "&baseUrl=https://127.0.0.1:" + https.httpsPort();
        // One request of another tenant first, so that WireMock's slower first request does not blur the times.
        template.requestBody("gong:users/list?accessKey=WARMKEY&accessKeySecret=RAW(warm-secret)" + httpsBase
                             + "&sslContextParameters=#gongTls", null, List.class);
        // 5 requests per second, 204 ms apart with the limiter's margin. The tenant is a new one, because the first
        // endpoint of a tenant sets its limiter and the routes of this test set 1,000 per second for theirs.
        String endpoint = "gong:users/list?accessKey=SLOWKEY&accessKeySecret=RAW(slow-secret)&rateLimit=5" + httpsBase
                          + "&sslContextParameters=#slowTls";

        for (int i = 0; i < 3; i++) {
            template.requestBody(endpoint, null, List.class);
        }

        // The first request is written 300 ms after its slot, once the handshake is done. The second has its slot
        // by then and an open connection, so only the wait before writing keeps it from arriving right behind.
        String slowTenant = "Basic " + Base64.getEncoder().encodeToString(
                "SLOWKEY:slow-secret".getBytes(StandardCharsets.UTF_8));
        List<Long> arrivals = https.getAllServeEvents().stream()
                .filter(event -> slowTenant.equals(event.getRequest().getHeader("Authorization")))
                .map(event -> event.getRequest().getLoggedDate().getTime()).sorted().toList();
        assertThat(arrivals).hasSize(3);
        assertThat(arrivals.get(1) - arrivals.get(0)).as("ms between the 1st and 2nd request of " + arrivals)
                .isGreaterThan(190);
        assertThat(arrivals.get(2) - arrivals.get(1)).as("ms between the 2nd and 3rd request of " + arrivals)
                .isGreaterThan(190);
    }

    @Test
    void tlsWithoutTrustStoreFailsHandshake() {
        https.resetAll();
        https.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));

        Throwable thrown = catchThrowable(() -> template.requestBody(
                "gong:users/list?maxRetries=3&baseUrl=https://127.0.0.1:" + https.httpsPort(), null, List.class));

        assertThat(thrown.getCause()).isInstanceOf(GongApiException.class);
        assertThat(thrown.getCause()).hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        assertThat(thrown.getCause().getCause()).isInstanceOf(SSLException.class);
        assertThat(https.getAllServeEvents()).isEmpty();
    }

    @Test
    void requestsGoThroughProxy() throws IOException {
        int closedPort = freePort();
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));

        List<?> users = template.requestBody("gong:users/list?baseUrl=http://127.0.0.1:" + closedPort
                                             + "&proxyHost=127.0.0.1&proxyPort=" + wireMock.port(), null, List.class);

        assertThat(users).hasSize(9);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/v2/users")));
    }

    private static SSLContextParameters trustingParameters() {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keyStore);
        trustStore.setPassword(STORE_PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trustManagers = new TrustManagersParameters();
        trustManagers.setKeyStore(trustStore);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trustManagers);
        return parameters;
    }

    /**
     * Trusts what the test's trust store trusts, after a delay on every server certificate check, like a TLS
     * handshake with a distant host.
     */
    private static final class SlowTrustManager implements X509TrustManager {

        private final X509TrustManager delegate;
        private final long delayMillis;

        SlowTrustManager(Path trustStore, long delayMillis) throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trustStore)) {
                store.load(in, STORE_PASSWORD.toCharArray());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            this.delegate = (X509TrustManager) factory.getTrustManagers()[0];
            this.delayMillis = delayMillis;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delegate.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    // A self-signed certificate for 127.0.0.1, made with the JDK's keytool so the test needs no stored key.
    private static Path generateKeyStore() throws Exception {
        Path directory = Files.createDirectories(Path.of("target", "tls-test"));
        Path store = directory.resolve("gong-test.p12");
        Files.deleteIfExists(store);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "gong-test",
                "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return store;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
