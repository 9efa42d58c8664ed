package io.camelgong.gong.examples;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

import io.camelgong.gong.GongAuthMode;
import io.camelgong.gong.GongComponent;
import io.camelgong.gong.simulator.AirbyteSimulator;

/**
 * Runs the hosted-mode examples once: {@link HostedCallsRoute}, then the start of {@link HostedOAuthRoute}'s OAuth
 * flow. With AIRBYTE_CLIENT_ID, AIRBYTE_CLIENT_SECRET and AIRBYTE_WORKSPACE_NAME in the environment, the routes call
 * Airbyte's API at https://api.airbyte.ai and print the consent URL to open. Otherwise they call an Airbyte simulator
 * started on loopback with recorded Gong data, and this class also plays the browser's return to the OAuth callback.
 * <p>
 * Run: {@code mvn -q test-compile exec:java@hosted-examples}. System properties such as
 * {@code -Dgong.hosted.from=...} override the defaults.
 */
public final class HostedExamplesMain {

    static final String SIMULATED_WORKSPACE = "examples";
    static final String SIMULATED_CONNECTOR = "c-examples";

    private HostedExamplesMain() {
    }

    public static void main(String[] args) throws Exception {
        String clientId = System.getenv("AIRBYTE_CLIENT_ID");
        String clientSecret = System.getenv("AIRBYTE_CLIENT_SECRET");
        String workspace = System.getenv("AIRBYTE_WORKSPACE_NAME");
        boolean simulated = isBlank(clientId) || isBlank(clientSecret) || isBlank(workspace);
        AirbyteSimulator simulator = simulated ? startSimulator() : null;
        try {
            GongComponent gong = new GongComponent();
            gong.getConfiguration().setAuthMode(GongAuthMode.hosted);
            Properties properties = new Properties();
            if (simulated) {
                System.out.println("No AIRBYTE_CLIENT_ID/AIRBYTE_CLIENT_SECRET/AIRBYTE_WORKSPACE_NAME in the"
                                   + " environment: calling the Airbyte simulator at " + simulator.url());
                gong.getConfiguration().setAirbyteApiUrl(simulator.url());
                gong.getConfiguration().setAirbyteClientId(AirbyteSimulator.CLIENT_ID);
                gong.getConfiguration().setAirbyteClientSecret(AirbyteSimulator.CLIENT_SECRET);
                properties.setProperty("airbyte.workspace-name", SIMULATED_WORKSPACE);
            } else {
                gong.getConfiguration().setAirbyteClientId(clientId);
                gong.getConfiguration().setAirbyteClientSecret(clientSecret);
                properties.setProperty("airbyte.workspace-name", workspace);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
            properties.setProperty("gong.hosted.from", property("gong.hosted.from", now.minusDays(7).toString()));
            properties.setProperty("gong.hosted.to", property("gong.hosted.to", now.toString()));
            properties.setProperty("gong.oauth.redirect-url",
                    property("gong.oauth.redirect-url", "https://app.example/gong/oauth/callback"));
            run(gong, properties, simulated);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static void run(GongComponent gong, Properties properties, boolean simulated) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addComponent("gong", gong);
            context.addRoutes(new HostedCallsRoute());
            context.addRoutes(new HostedOAuthRoute());
            context.start();

            ProducerTemplate template = context.createProducerTemplate();
            Exchange calls = template.request("direct:hosted-calls", exchange -> { });
            if (calls.getException() != null) {
                throw calls.getException();
            }
            System.out.println("Read " + calls.getMessage().getHeader("callCount") + " calls and "
                               + calls.getMessage().getBody(List.class).size() + " active users through Airbyte");
            String consentUrl = template.requestBodyAndHeader("direct:gong-connect", null, "userId", "user-42",
                    String.class);
            System.out.println("Open " + consentUrl + " to connect the Gong account of user-42");
            if (simulated) {
                // What the browser does after consent: return to the redirect URL with Airbyte's secret_id.
                template.sendBodyAndHeaders("direct:gong-oauth-callback", null,
                        Map.of("user", "user-42", "secret_id", "airbyte_oauth_example_secret"));
            }
        }
    }

    /**
     * Starts an Airbyte simulator with a Gong connector in workspace {@value #SIMULATED_WORKSPACE} that serves two
     * pages of recorded calls, a user search and the OAuth calls.
     */
    static AirbyteSimulator startSimulator() {
        AirbyteSimulator simulator = new AirbyteSimulator();
        simulator.givenConnectors("workspace_name", SIMULATED_WORKSPACE, SIMULATED_CONNECTOR);
        List<JsonNode> pages = List.of(AirbyteSimulator.recordedAnswer("calls_list_november"),
                AirbyteSimulator.recordedAnswer("calls_list"));
        simulator.givenGongPages(SIMULATED_CONNECTOR, "calls", "list", pages, "calls");
        List<Map<String, Object>> users = new ObjectMapper().convertValue(
                AirbyteSimulator.recordedAnswer("users_list").get("users"), new TypeReference<>() {
                });
        simulator.givenSearchPages(SIMULATED_CONNECTOR, "users", List.of(users.subList(0, 5), users.subList(5, 9)));
        simulator.givenOAuthInitiate(simulator.url() + "/consent?state=example");
        simulator.givenCreate("c-user-42");
        return simulator;
    }

    private static String property(String name, String defaultValue) {
        return System.getProperty(name, defaultValue);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
