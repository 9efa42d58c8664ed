package io.camelgong.gong.auth;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongValidationException;
import io.camelgong.gong.client.GongHttpClient;

/**
 * The token managers of one component, one per credential identity, so every endpoint and consumer of a CamelContext
 * that uses the same OAuth credential shares one token chain and one refresh at a time.
 */
public final class TokenManagerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManagerRegistry.class);

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    /**
     * Returns the manager of a credential identity, creating it on first use.
     *
     * @param settings          the credential's options
     * @param store             the configured state store, or {@code null} to keep the chain in memory only
     * @param httpClientFactory creates the HTTP client for the token endpoint, called once per identity
     * @throws GongValidationException when the identity is already registered with another client secret, token URL,
     *                                 refresh skew or state store
     */
    public OAuthTokenManager manager(
            OAuthSettings settings, TokenStore store, Supplier<GongHttpClient> httpClientFactory) {
        Registration registration = registrations.computeIfAbsent(settings.identity(),
                identity -> register(settings, store, httpClientFactory));
        if (!registration.manager.settings().sameEndpointAs(settings) || registration.configuredStore != store) {
            throw new GongValidationException(
                    "Conflicting options for OAuth credential " + settings.identity() + ": endpoints that share a"
                                              + " clientId and refreshToken must also share clientSecret, tokenUrl,"
                                              + " tokenRefreshSkew and the state store (stateFile or"
                                              + " stateRepository), because they share one token chain");
        }
        return registration.manager;
    }

    private static Registration register(
            OAuthSettings settings, TokenStore store, Supplier<GongHttpClient> httpClientFactory) {
        TokenStore effective = store;
        if (effective == null || !effective.isPersistent()) {
            LOG.warn("OAuth credential {} runs without a persistent state store: rotated refresh tokens live only in"
                     + " memory, so after a restart the configured refresh token, already spent, fails with"
                     + " invalid_grant and a new consent is needed. Set the stateFile or stateRepository option.",
                    settings.identity());
            if (effective == null) {
                effective = StateRepositoryTokenStore.inMemory();
            }
        }
        GongHttpClient httpClient = httpClientFactory.get();
        TokenEndpoint tokenEndpoint = new TokenEndpoint(httpClient, settings.tokenUrl(), settings.clientId(),
                settings.clientSecret());
        return new Registration(new OAuthTokenManager(settings, effective, tokenEndpoint), store, httpClient);
    }

    /**
     * Closes the token endpoints' HTTP clients and forgets every manager.
     */
    public void close() {
        for (Registration registration : registrations.values()) {
            try {
                registration.httpClient.close();
            } catch (IOException e) {
                LOG.debug("Closing the token endpoint client of {} failed: {}", registration.manager.identity(), e);
            }
        }
        registrations.clear();
    }

    private record Registration(OAuthTokenManager manager, TokenStore configuredStore, GongHttpClient httpClient) {
    }
}
