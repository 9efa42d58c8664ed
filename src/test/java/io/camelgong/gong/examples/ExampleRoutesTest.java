package io.camelgong.gong.examples;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelgong.gong.GongComponent;
import io.camelgong.gong.GongConstants;
import io.camelgong.gong.simulator.GongSimulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example routes of routes-examples against the simulator's recorded data, as the README's first command
 * does.
 */
class ExampleRoutesTest extends CamelTestSupport {

    private static GongSimulator simulator;

    @TempDir
    static Path exportDirectory;

    @BeforeAll
    static void startSimulator() {
        simulator = GongSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        GongComponent gong = new GongComponent();
        gong.getConfiguration().setBaseUrl(simulator.baseUrl());
        gong.getConfiguration().setAccessKey(GongSimulator.ACCESS_KEY);
        gong.getConfiguration().setAccessKeySecret(GongSimulator.ACCESS_KEY_SECRET);
        context.addComponent("gong", gong);
        Properties properties = new Properties();
        properties.setProperty("gong.export.from", "2023-01-01T00:00:00-08:00");
        properties.setProperty("gong.export.to", "2025-11-21T00:00:00-08:00");
        properties.setProperty("gong.export.directory", exportDirectory.toString());
        properties.setProperty("gong.stats.from", "2024-11-01");
        properties.setProperty("gong.stats.to", "2024-12-02");
        properties.setProperty("gong.consumer.from", "2024-12-01T00:00:00Z");
        properties.setProperty("gong.state.file", exportDirectory.resolve("state/gong-state.properties").toString());
        context.getPropertiesComponent().setInitialProperties(properties);
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "file:routes-examples/yaml/activity-stats.yaml"));
        return context;
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() {
        return new RoutesBuilder[] { new ListUsersRoute(), new ExportCallsRoute(), new NewCallsRoute() };
    }

    @Test
    void listUsersReadsEveryUser() {
        Exchange exchange = template.request("direct:list-users", ex -> {
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(51L);
    }

    @Test
    void exportWritesOneLinePerCallWithTranscript() throws Exception {
        Exchange exchange = template.request("direct:export-calls", ex -> {
        });

        assertThat(exchange.getException()).isNull();
        try (var files = Files.list(exportDirectory)) {
            List<Path> exports = files.filter(file -> file.toString().endsWith(".jsonl")).toList();
            assertThat(exports).hasSize(1);
            List<String> lines = Files.readAllLines(exports.get(0));
            assertThat(lines).hasSize(403);
            ObjectMapper json = new ObjectMapper();
            long withTranscript = 0;
            for (String line : lines) {
                Map<String, Object> call = json.readValue(line, new TypeReference<>() {
                });
                assertThat(call.get("id")).isInstanceOf(String.class);
                assertThat(call).containsKey("transcript");
                if (call.get("transcript") != null) {
                    withTranscript++;
                }
            }
            assertThat(withTranscript).isEqualTo(301);
        }
    }

    @Test
    void newCallsDeliversEachCallWithTranscript() throws Exception {
        NotifyBuilder delivered = new NotifyBuilder(context).fromRoute("new-calls").whenCompleted(10)
                .and().whenAllDoneMatches(exchange -> exchange.getMessage().getBody(Map.class).get("transcript")
                        instanceof List<?> transcript && !transcript.isEmpty())
                .create();

        context.getRouteController().startRoute("new-calls");

        assertThat(delivered.matches(30, TimeUnit.SECONDS)).isTrue();
        Path stateFile = exportDirectory.resolve("state/gong-state.properties");
        assertThat(Files.readString(stateFile)).contains(".calls.watermark=").contains(".calls.delivered=");
    }

    @Test
    void activityStatsReadsRecordedUsers() {
        Exchange exchange = template.request("direct:activity-stats", ex -> {
        });

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(GongConstants.TOTAL_RECORDS)).isEqualTo(32L);
    }
}
