package io.camelgong.gong.hosted;

import java.util.ArrayList;
import java.util.List;

import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.GongValidationException;
import io.camelgong.gong.catalog.GongOperation;

/**
 * Checks the options of hosted endpoints when they are created, so that a bad URI fails before any request.
 */
public final class HostedValidation {

    private HostedValidation() {
    }

    /**
     * Checks a hosted endpoint: the Airbyte client id and secret, and for entity operations exactly one of
     * connectorId, workspaceName and externalUserId. Access-key options are not needed.
     *
     * @param operation the endpoint's operation, or {@code null} for gong:execute and gong:connectors
     * @param admin     whether the endpoint is a gong:connectors administration endpoint
     */
    public static void validate(GongConfiguration configuration, GongOperation operation, boolean admin) {
        boolean hasId = configuration.getAirbyteClientId() != null;
        boolean hasSecret = configuration.getAirbyteClientSecret() != null;
        if (!hasId || !hasSecret) {
            String missing = !hasId && !hasSecret ? "airbyteClientId and airbyteClientSecret"
                    : !hasId ? "airbyteClientId" : "airbyteClientSecret";
            throw new GongValidationException(
                    "Missing option " + missing + " for hosted execution: set both airbyteClientId and"
                                              + " airbyteClientSecret (an Airbyte application's credentials) on the"
                                              + " endpoint or on the component (camel.component.gong.*)");
        }
        if (admin) {
            return;
        }
        List<String> selectors = new ArrayList<>();
        addIfSet(selectors, "connectorId", configuration.getConnectorId());
        addIfSet(selectors, "workspaceName", configuration.getWorkspaceName());
        addIfSet(selectors, "externalUserId", configuration.getExternalUserId());
        if (selectors.size() != 1) {
            throw new GongValidationException(
                    (selectors.isEmpty() ? "Missing connector for hosted execution"
                            : "Conflicting options " + selectors + " for hosted execution")
                                              + ": set exactly one of connectorId (the Airbyte connector's id),"
                                              + " workspaceName or externalUserId (to look the Gong connector up)");
        }
    }

    /**
     * Rejects an operation that exists only in hosted mode, for endpoints that call Gong directly.
     *
     * @param operation the operation, or {@code null} when it is known only per message
     */
    public static void rejectHostedOnly(GongOperation operation) {
        if (operation != null && operation.hostedOnly()) {
            throw new GongValidationException(
                    "gong:" + operation.name() + " needs hosted mode (authMode=hosted): " + operation.action()
                                              + " searches the copy of the records that Airbyte keeps and has no"
                                              + " Gong API request. Set authMode=hosted with airbyteClientId,"
                                              + " airbyteClientSecret and one of connectorId, workspaceName or"
                                              + " externalUserId.");
        }
    }

    private static void addIfSet(List<String> names, String name, String value) {
        if (value != null && !value.isBlank()) {
            names.add(name);
        }
    }
}
