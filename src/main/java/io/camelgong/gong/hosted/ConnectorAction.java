package io.camelgong.gong.hosted;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.camelgong.gong.GongValidationException;

/**
 * The actions of the gong:connectors endpoint, which manages Gong connectors in Airbyte for hosted execution. The
 * entity name connectors is not a Gong entity, so the URIs never clash with gong:entity/action operations.
 */
public enum ConnectorAction {

    /** Creates a Gong connector from Gong credentials or from the secret_id of a server-side OAuth flow. */
    create(Set.of("name", "workspace_name", "external_user_id", "credentials", "server_side_oauth_secret_id",
            "secret_id")),

    /** Lists the Gong connectors of a workspace or an external user. */
    list(Set.of("workspace_name", "external_user_id")),

    /** Deletes a connector. */
    delete(Set.of("connector_id")),

    /** Starts Airbyte's server-side OAuth flow for Gong and returns the consent URL to send the user to. */
    oauth_initiate(Set.of("workspace_name", "external_user_id", "redirect_url", "name"));

    /** The URI entity of the connector administration endpoint. */
    public static final String ENTITY = "connectors";

    private final Set<String> params;

    ConnectorAction(Set<String> params) {
        this.params = params;
    }

    /**
     * Returns the message parameters the action accepts.
     */
    public Set<String> params() {
        return params;
    }

    /**
     * Finds an action by its URI name.
     *
     * @throws GongValidationException naming the valid actions
     */
    public static ConnectorAction of(String action) {
        List<String> names = Arrays.stream(values()).map(Enum::name).toList();
        if (action == null || !names.contains(action)) {
            throw new GongValidationException(
                    "Unknown action '" + action + "' for gong:" + ENTITY + ": expected one of " + names
                                              + ", as in gong:connectors/list");
        }
        return valueOf(action);
    }
}
