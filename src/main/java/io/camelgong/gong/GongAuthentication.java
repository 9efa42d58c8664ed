package io.camelgong.gong;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.camelgong.gong.auth.AccessKeyCredentials;
import io.camelgong.gong.auth.CustomerHostPolicy;
import io.camelgong.gong.auth.GongCredentials;
import io.camelgong.gong.auth.OAuthCredentials;
import io.camelgong.gong.auth.OAuthSettings;
import io.camelgong.gong.auth.OAuthTokenManager;
import io.camelgong.gong.client.GongApi;
import io.camelgong.gong.client.GongHttpClient;
import io.camelgong.gong.client.PageFetcher;
import io.camelgong.gong.client.PrivateCallFilter;
import io.camelgong.gong.client.ScopeCheckingFetcher;

/**
 * Resolves an endpoint's authentication mode from its options and builds its credentials and page fetchers.
 */
final class GongAuthentication {

    private static final String ACCESS_KEY_OPTIONS = "accessKey, accessKeySecret";
    private static final String OAUTH_OPTIONS = "refreshToken, accessToken, clientId, clientSecret";

    private GongAuthentication() {
    }

    /**
     * Returns the mode an endpoint authenticates with: authMode when set, otherwise the mode whose credentials are
     * given.
     *
     * @throws GongValidationException when credentials of both modes are given, none are given, or some are missing
     */
    static GongAuthMode resolveMode(GongConfiguration configuration, String endpointUri) {
        boolean accessKeyGiven = configuration.getAccessKey() != null || configuration.getAccessKeySecret() != null;
        boolean oauthGiven = configuration.getRefreshToken() != null || configuration.getAccessToken() != null
                             || configuration.getClientId() != null || configuration.getClientSecret() != null;
        if (accessKeyGiven && oauthGiven) {
            throw new GongValidationException(
                    "Conflicting Gong credentials for " + endpointUri + ": both accessKey mode (" + ACCESS_KEY_OPTIONS
                                              + ") and oauth mode (" + OAUTH_OPTIONS + ") options are set; keep the"
                                              + " options of one mode only, on the endpoint and on the component");
        }
        GongAuthMode mode = configuration.getAuthMode();
        if (mode == null) {
            if (!accessKeyGiven && !oauthGiven) {
                throw new GongValidationException(
                        "Missing Gong credentials for " + endpointUri + ": set accessKey and accessKeySecret, or for"
                                                  + " OAuth refreshToken, clientId and clientSecret, on the endpoint"
                                                  + " or on the component (camel.component.gong.*)");
            }
            mode = oauthGiven ? GongAuthMode.oauth : GongAuthMode.accessKey;
        }
        if (mode == GongAuthMode.oauth) {
            validateOAuth(configuration, accessKeyGiven);
        } else {
            validateAccessKey(configuration, oauthGiven, endpointUri);
        }
        return mode;
    }

    private static void validateAccessKey(GongConfiguration configuration, boolean oauthGiven, String endpointUri) {
        if (oauthGiven) {
            throw new GongValidationException(
                    "Invalid Gong credentials for " + endpointUri + ": authMode=accessKey but oauth options ("
                                              + OAUTH_OPTIONS + ") are set; remove them or set authMode=oauth");
        }
        boolean hasKey = configuration.getAccessKey() != null;
        boolean hasSecret = configuration.getAccessKeySecret() != null;
        if (!hasKey || !hasSecret) {
            throw new GongValidationException(
                    "Missing option '" + (hasKey ? "accessKeySecret" : "accessKey") + "' for Gong access-key"
                                              + " authentication: set both accessKey and accessKeySecret on the"
                                              + " endpoint or on the component (camel.component.gong.*)");
        }
    }

    private static void validateOAuth(GongConfiguration configuration, boolean accessKeyGiven) {
        if (accessKeyGiven) {
            throw new GongValidationException(
                    "Invalid Gong credentials: authMode=oauth but accessKey mode options (" + ACCESS_KEY_OPTIONS
                                              + ") are set; remove them or set authMode=accessKey");
        }
        List<String> missing = new ArrayList<>();
        if (configuration.getRefreshToken() == null) {
            missing.add("refreshToken");
        }
        if (configuration.getClientId() == null) {
            missing.add("clientId");
        }
        if (configuration.getClientSecret() == null) {
            missing.add("clientSecret");
        }
        if (!missing.isEmpty()) {
            throw new GongValidationException(
                    "Missing option(s) " + String.join(", ", missing) + " for Gong OAuth authentication: the"
                                              + " refresh token comes from a Gong technical administrator's consent"
                                              + " (see GongOAuth.consentUrl and exchangeCode), the client id and"
                                              + " secret from the Gong app");
        }
        validateTokenUrl(configuration.getTokenUrl());
        if (configuration.getTokenRefreshSkew() < 0) {
            throw new GongValidationException(
                    "Invalid option tokenRefreshSkew=" + configuration.getTokenRefreshSkew()
                                              + ": expected a duration of zero or more milliseconds");
        }
    }

    private static void validateTokenUrl(String tokenUrl) {
        URI uri;
        try {
            uri = new URI(tokenUrl);
        } catch (URISyntaxException | NullPointerException e) {
            throw new GongValidationException(
                    "Invalid option tokenUrl='" + tokenUrl + "': expected an absolute URL such as "
                                              + GongConfiguration.DEFAULT_TOKEN_URL);
        }
        String scheme = uri.getScheme();
        boolean loopbackHttp = "http".equals(scheme) && uri.getHost() != null
                               && CustomerHostPolicy.isLoopback(uri.getHost());
        if (uri.getHost() == null || !"https".equals(scheme) && !loopbackHttp) {
            throw new GongValidationException(
                    "Invalid option tokenUrl='" + tokenUrl + "': expected an https URL such as "
                                              + GongConfiguration.DEFAULT_TOKEN_URL
                                              + " (plain http only for loopback hosts)");
        }
    }

    /**
     * Returns the credentials of an endpoint; OAuth credentials share the component's token manager of their
     * identity.
     */
    static GongCredentials createCredentials(GongEndpoint endpoint) {
        GongConfiguration configuration = endpoint.getConfiguration();
        String baseUrl = stripSlash(configuration.getBaseUrl());
        if (endpoint.getAuthMode() != GongAuthMode.oauth) {
            return new AccessKeyCredentials(configuration.getAccessKey(), configuration.getAccessKeySecret(), baseUrl);
        }
        GongComponent component = (GongComponent) endpoint.getComponent();
        OAuthSettings settings = oauthSettings(configuration);
        OAuthTokenManager manager = component.getTokenManagers().manager(settings, component.tokenStore(endpoint),
                () -> new GongHttpClient(endpoint.getCamelContext(), configuration));
        boolean explicitBaseUrl = !GongConfiguration.DEFAULT_BASE_URL.equals(baseUrl);
        CustomerHostPolicy hostPolicy = new CustomerHostPolicy(explicitBaseUrl ? baseUrl : null,
                GongConfiguration.DEFAULT_BASE_URL, allowedHosts(configuration.getAllowedHosts()));
        return new OAuthCredentials(manager, hostPolicy);
    }

    static OAuthSettings oauthSettings(GongConfiguration configuration) {
        return new OAuthSettings(configuration.getClientId(), configuration.getClientSecret(),
                configuration.getTokenUrl(), configuration.getRefreshToken(), configuration.getAccessToken(),
                Duration.ofMillis(configuration.getTokenRefreshSkew()));
    }

    /**
     * Returns the fetcher for list and get operations: for OAuth it checks scopes and withholds private calls unless
     * includePrivateCalls is set.
     */
    static PageFetcher pageFetcher(GongEndpoint endpoint, GongApi api, GongCredentials credentials) {
        if (!(credentials instanceof OAuthCredentials oauth)) {
            return api;
        }
        PageFetcher checked = new ScopeCheckingFetcher(api, oauth::grantedScopes,
                oauth.manager()::firstWarningAbout);
        return endpoint.getConfiguration().isIncludePrivateCalls() ? checked : new PrivateCallFilter(checked, false);
    }

    /**
     * Returns the fetcher for the calls/extensive lookup of downloads: for OAuth it raises an error for a private
     * call unless includePrivateCalls is set.
     */
    static PageFetcher downloadFetcher(GongEndpoint endpoint, GongApi api, GongCredentials credentials) {
        if (!(credentials instanceof OAuthCredentials oauth)) {
            return api;
        }
        PageFetcher checked = new ScopeCheckingFetcher(api, oauth::grantedScopes,
                oauth.manager()::firstWarningAbout);
        return endpoint.getConfiguration().isIncludePrivateCalls() ? checked : new PrivateCallFilter(checked, true);
    }

    private static Set<String> allowedHosts(String option) {
        Set<String> hosts = new LinkedHashSet<>();
        if (option != null) {
            for (String host : option.split(",")) {
                if (!host.isBlank()) {
                    hosts.add(host.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return hosts;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
