package io.camelgong.gong;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.util.URISupport;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.camelgong.gong.auth.AccessKeyCredentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Secrets stay out of logs (Camel's and the component's, at DEBUG), exception messages, toString(), health details
 * and JMX, whether they are set in the endpoint URI or on the component.
 */
class GongSecretMaskingTest extends GongWireMockTestSupport {

    private static final String URI_KEY = "URIKEY4X8W2Q";
    private static final String URI_SECRET = "uri-secret-7c1d9e0b-QQQ";
    private static final List<String> CAPTURED = Collections.synchronizedList(new ArrayList<>());
    private static AbstractAppender capture;

    @BeforeAll
    static void captureLogs() {
        LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
        capture = new AbstractAppender("secret-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                        .append(event.getMessage().getFormattedMessage());
                for (Throwable thrown = event.getThrown(); thrown != null; thrown = thrown.getCause()) {
                    line.append(" | ").append(thrown);
                }
                CAPTURED.add(line.toString());
            }
        };
        capture.start();
        loggerContext.getConfiguration().getRootLogger().addAppender(capture, Level.ALL, null);
        loggerContext.getConfiguration().getLoggerConfig("io.camelgong").addAppender(capture, Level.ALL, null);
        Configurator.setLevel("org.apache.camel", Level.DEBUG);
        loggerContext.updateLoggers();
    }

    @AfterAll
    static void stopCapture() {
        LoggerContext loggerContext = (LoggerContext) LogManager.getContext(false);
        loggerContext.getConfiguration().getRootLogger().removeAppender("secret-capture");
        loggerContext.getConfiguration().getLoggerConfig("io.camelgong").removeAppender("secret-capture");
        Configurator.setLevel("org.apache.camel", Level.INFO);
        loggerContext.updateLoggers();
        capture.stop();
    }

    @BeforeEach
    void clearCapture() {
        CAPTURED.clear();
    }

    @Override
    protected boolean useJmx() {
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckRegistry.get(context).setExposureLevel("full");
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:uriSecrets").routeId("uriSecrets")
                        .to(uri("users/list", "maxRetries=1&accessKey=" + URI_KEY + "&accessKeySecret=RAW(" + URI_SECRET
                                              + ")"));
                from("direct:componentSecrets").routeId("componentSecrets").to(uri("users/list", "maxRetries=1"));
            }
        };
    }

    @Test
    void secretsAbsentAfterSuccessAndFailures() throws Exception {
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(usersList())));
        template.requestBody("direct:uriSecrets", null, List.class);
        template.requestBody("direct:componentSecrets", null, List.class);
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(500)
                .withBody("{\"requestId\":\"req-500\",\"errors\":[\"boom\"]}")));
        List<String> failures = new ArrayList<>();
        failures.add(String.valueOf(catchThrowable(() -> template.requestBody("direct:uriSecrets", (Object) null))));
        wireMock.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(401)
                .withBody("{\"requestId\":\"req-401\",\"errors\":[\"access token has been revoked\"]}")));
        for (int i = 0; i < 3; i++) {
            failures.add(String.valueOf(catchThrowable(() -> template.requestBody("direct:uriSecrets", (Object) null))));
        }

        assertNoSecret("exception messages", String.join("\n", failures));
        assertNoSecret("captured log", String.join("\n", CAPTURED));
        assertThat(CAPTURED).anySatisfy(line -> assertThat(line).contains("gave up after 2 attempts"));
        assertNoSecret("health details", healthDetails());
    }

    @Test
    void endpointToStringMasksUriSecrets() {
        Endpoint endpoint = gongEndpoint("uriSecrets");

        assertThat(endpoint.toString()).contains("accessKeySecret=xxxxxx");
        assertNoSecret("endpoint toString", endpoint.toString());
    }

    @Test
    void componentCredentialsKeepEndpointUriClean() {
        Endpoint endpoint = gongEndpoint("componentSecrets");

        assertNoSecret("endpoint URI", endpoint.getEndpointUri());
        assertNoSecret("endpoint toString", endpoint.toString());
    }

    @Test
    void jmxMasksUriSecrets() throws Exception {
        MBeanServer server = context.getManagementStrategy().getManagementAgent().getMBeanServer();
        Set<ObjectName> names = server.queryNames(new ObjectName("org.apache.camel:type=endpoints,*"), null);
        List<String> exposed = new ArrayList<>();
        for (ObjectName name : names) {
            exposed.add(name.toString());
            exposed.add(String.valueOf(server.getAttribute(name, "EndpointUri")));
        }

        assertThat(exposed).anySatisfy(text -> assertThat(text).contains("gong"));
        assertNoSecret("JMX endpoint names and URIs", String.join("\n", exposed));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "accessKey", "accessKeySecret", "refreshToken", "accessToken", "clientSecret", "airbyteClientSecret" })
    void camelMasksSecretOptionNames(String option) {
        String sanitized = URISupport.sanitizeUri("gong:calls/list?" + option + "=" + URI_SECRET + "&maxRetries=1");

        assertThat(sanitized).contains(option + "=xxxxxx");
        assertThat(sanitized).doesNotContain(URI_SECRET);
    }

    @Test
    void credentialsToStringShowsFingerprintOnly() {
        AccessKeyCredentials credentials = new AccessKeyCredentials(URI_KEY, URI_SECRET, "https://api.gong.io");

        assertThat(credentials.toString()).contains(AccessKeyCredentials.fingerprint(URI_KEY));
        assertNoSecret("credentials toString", credentials.toString());
    }

    @Test
    void routeStartLogMasksUriSecrets() throws Exception {
        context.getRouteController().stopRoute("uriSecrets");
        context.getRouteController().startRoute("uriSecrets");

        assertThat(CAPTURED).isNotEmpty();
        assertNoSecret("route start log", String.join("\n", CAPTURED));
    }

    @Test
    void testLogFileHasNoTestSecrets() throws Exception {
        Path logFile = Path.of("target", "camel-gong-test.log");
        String log = Files.exists(logFile) ? Files.readString(logFile) : "";

        // Secrets that the test classes of this suite put in URIs or on the component; the file collects the log
        // of every test class that ran in this directory so far.
        for (String secret : List.of(ACCESS_KEY_SECRET, URI_SECRET, "other-secret", "b-secret", "bare-secret",
                "bench-secret", "second-secret")) {
            assertThat(log).as("target/camel-gong-test.log").doesNotContain(secret);
        }
    }

    private Endpoint gongEndpoint(String routeId) {
        return context.getEndpoints().stream()
                .filter(endpoint -> endpoint instanceof GongEndpoint)
                .filter(endpoint -> "uriSecrets".equals(routeId) == endpoint.getEndpointUri().contains("accessKey="))
                .findFirst().orElseThrow();
    }

    private String healthDetails() {
        StringBuilder text = new StringBuilder();
        for (HealthCheck.Result result : HealthCheckHelper.invokeReadiness(context)) {
            text.append(result.getMessage().orElse("")).append(' ').append(result.getDetails()).append('\n');
        }
        return text.toString();
    }

    private static void assertNoSecret(String where, String text) {
        String uriBasic = Base64.getEncoder().encodeToString(
                (URI_KEY + ":" + URI_SECRET).getBytes(StandardCharsets.UTF_8));
        String componentBasic = Base64.getEncoder().encodeToString(
                (ACCESS_KEY + ":" + ACCESS_KEY_SECRET).getBytes(StandardCharsets.UTF_8));
        assertThat(text).as(where).doesNotContain(URI_SECRET);
        assertThat(text).as(where).doesNotContain(URI_KEY);
        assertThat(text).as(where).doesNotContain(ACCESS_KEY_SECRET);
        assertThat(text).as(where).doesNotContain(ACCESS_KEY);
        assertThat(text).as(where).doesNotContain(uriBasic);
        assertThat(text).as(where).doesNotContain(componentBasic);
    }
}
