package io.camelgong.gong;

import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import io.camelgong.gong.simulator.AirbyteSimulator;

/**
 * A CamelContext whose gong component runs in hosted mode against a fresh {@link AirbyteSimulator} per test. The
 * Airbyte credentials and URL are set on the component, so endpoint URIs carry only the options under test.
 */
abstract class HostedTestSupport extends CamelTestSupport {

    static final String CONNECTOR_ID = "3f0c6d2e-1a2b-4c5d-8e9f-0a1b2c3d4e5f";

    AirbyteSimulator airbyte;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        airbyte = new AirbyteSimulator();
        CamelContext context = super.createCamelContext();
        GongComponent component = new GongComponent();
        GongConfiguration configuration = component.getConfiguration();
        configuration.setAuthMode(GongAuthMode.hosted);
        configuration.setAirbyteClientId(AirbyteSimulator.CLIENT_ID);
        configuration.setAirbyteClientSecret(AirbyteSimulator.CLIENT_SECRET);
        configuration.setAirbyteApiUrl(airbyte.url());
        context.addComponent("gong", component);
        return context;
    }

    @AfterEach
    void stopAirbyte() {
        if (airbyte != null) {
            airbyte.close();
        }
    }

    /**
     * Returns a hosted endpoint URI on the test connector.
     */
    static String hosted(String entityAction, String options) {
        return "gong:" + entityAction + "?connectorId=" + CONNECTOR_ID + (options.isEmpty() ? "" : "&" + options);
    }
}
