package io.camelgong.gong;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Starts a fake Gong on loopback and Camel contexts whose consumer routes record what they receive.
 */
abstract class ConsumerTestSupport {

    protected final FakeGongCalls gong = new FakeGongCalls();
    protected final List<Exchange> received = new CopyOnWriteArrayList<>();
    protected final List<CamelContext> contexts = new CopyOnWriteArrayList<>();
    protected WireMockServer server;

    @TempDir
    protected Path tempDir;

    @BeforeEach
    void startGong() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").extensions(gong));
        server.start();
        server.stubFor(any(urlPathMatching("/v2/.*")).willReturn(aResponse()));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
    }

    @AfterEach
    void stopAll() throws Exception {
        for (CamelContext context : contexts) {
            context.stop();
        }
        server.stop();
    }

    protected Path stateFile() {
        return tempDir.resolve("gong-state.properties");
    }

    /**
     * Returns a consumer URI on the fake Gong with a short delay, the shared state file and extra options.
     */
    protected String uri(String entity, String options) {
        String delay = options.contains("delay=") ? "" : "&delay=100";
        String initialDelay = options.contains("initialDelay=") ? "" : "&initialDelay=0";
        return "gong:" + entity + "?baseUrl=http://127.0.0.1:" + server.port()
               + "&accessKey=key&accessKeySecret=RAW(s3cret)&stateFile=" + stateFile() + delay + initialDelay
               + (options.isEmpty() ? "" : "&" + options);
    }

    /**
     * Starts a context with one route from the URI that records each exchange after the processor ran.
     */
    protected CamelContext startContext(String uri, Processor processor) throws Exception {
        return startContext(uri, processor, context -> {
        });
    }

    /**
     * Starts a context like {@link #startContext(String, Processor)}, after a step that prepares it (binds beans,
     * configures the endpoint).
     */
    protected CamelContext startContext(String uri, Processor processor, Consumer<CamelContext> beforeStart)
            throws Exception {
        return startContext(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("gong-consumer").process(processor).process(received::add);
            }
        }, beforeStart);
    }

    /**
     * Starts a context with the given routes, after a step that prepares it.
     */
    protected CamelContext startContext(RouteBuilder routes, Consumer<CamelContext> beforeStart) throws Exception {
        CamelContext context = new DefaultCamelContext();
        beforeStart.accept(context);
        context.getShutdownStrategy().setTimeout(10);
        context.addRoutes(routes);
        context.start();
        contexts.add(context);
        return context;
    }

    protected List<String> receivedIds() {
        return received.stream().map(e -> e.getMessage().getHeader(GongConstants.CALL_ID, String.class)).toList();
    }

    /**
     * Returns the last watermark written to the state file, or {@code null}.
     */
    protected Instant storedWatermark(String entity) throws IOException {
        if (!Files.exists(stateFile())) {
            return null;
        }
        Properties state = new Properties();
        try (Reader reader = Files.newBufferedReader(stateFile())) {
            state.load(reader);
        }
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith("gong.consumer.") && key.contains("." + entity) && key.endsWith(".watermark")) {
                return Instant.parse(state.getProperty(key));
            }
        }
        return null;
    }

    protected static String at(Instant instant, int offsetHours) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(offsetHours)).toString();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> body(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }
}
