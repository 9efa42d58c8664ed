package io.camelgong.gong.auth;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import io.camelgong.gong.GongAuthenticationException;

/**
 * Bearer-token credentials of one endpoint, backed by the token manager its identity shares with every other endpoint
 * of the CamelContext.
 */
public final class OAuthCredentials implements GongCredentials {

    private static final String BEARER = "Bearer ";

    private final OAuthTokenManager manager;
    private final CustomerHostPolicy hostPolicy;

    public OAuthCredentials(OAuthTokenManager manager, CustomerHostPolicy hostPolicy) {
        this.manager = manager;
        this.hostPolicy = hostPolicy;
    }

    @Override
    public String authorization() {
        return BEARER + manager.accessToken();
    }

    @Override
    public String baseUrl() {
        return hostPolicy.baseUrl(manager.customerBaseUrl());
    }

    @Override
    public boolean renewAfterUnauthorized(String rejectedAuthorization) {
        String rejected = rejectedAuthorization != null && rejectedAuthorization.startsWith(BEARER)
                ? rejectedAuthorization.substring(BEARER.length()) : rejectedAuthorization;
        return manager.renewAfterUnauthorized(rejected);
    }

    @Override
    public String identity() {
        return manager.identity();
    }

    /**
     * Returns {@code oauth:<clientId>@<customer API host>}: one Gong app may be installed in several companies, and
     * each company's chain starts anew with every consent, so neither the client id nor the token names the company.
     */
    @Override
    public String tenantIdentity() {
        authorization();
        return "oauth:" + manager.settings().clientId() + "@" + URI.create(baseUrl()).getHost();
    }

    @Override
    public Optional<GongAuthenticationException> permanentFailure() {
        return manager.permanentFailure();
    }

    /**
     * Returns the scopes Gong granted, or {@code null} while unknown.
     */
    public Set<String> grantedScopes() {
        return manager.grantedScopes();
    }

    public OAuthTokenManager manager() {
        return manager;
    }

    @Override
    public String toString() {
        return "OAuthCredentials[" + identity() + "]";
    }
}
