package io.camelgong.gong;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.StateRepository;

import io.camelgong.gong.auth.OAuthSettings;
import io.camelgong.gong.auth.StateRepositoryTokenStore;
import io.camelgong.gong.auth.TokenChain;
import io.camelgong.gong.auth.TokenEndpoint;
import io.camelgong.gong.auth.TokenStore;
import io.camelgong.gong.client.GongHttpClient;

/**
 * The first step of Gong OAuth: the consent URL a Gong technical administrator opens, and the exchange of the code
 * that Gong's redirect brings for the first refresh token, which is stored in the component's state store.
 */
public final class GongOAuth {

    /** Gong's consent page. */
    public static final String AUTHORIZE_URL = "https://app.gong.io/oauth2/authorize";

    private GongOAuth() {
    }

    /**
     * Returns the URL of Gong's consent page for an app.
     *
     * @param clientId    the client id of the Gong app
     * @param redirectUri where Gong sends the administrator back with {@code code} and {@code state}; it must match
     *                    the redirect URI registered for the app
     * @param scopes      the scopes to request, e.g. api:calls:read:basic
     * @param state       an unguessable value to compare in the callback, against cross-site request forgery
     */
    public static String consentUrl(String clientId, String redirectUri, Collection<String> scopes, String state) {
        return consentUrl(AUTHORIZE_URL, clientId, redirectUri, scopes, state);
    }

    /**
     * Returns the consent URL on another authorize endpoint, such as a test server.
     */
    public static String consentUrl(
            String authorizeUrl, String clientId, String redirectUri, Collection<String> scopes, String state) {
        return authorizeUrl + "?client_id=" + encode(clientId) + "&response_type=code&scope="
               + encode(String.join(" ", scopes)) + "&redirect_uri=" + encode(redirectUri) + "&state="
               + encode(state);
    }

    /**
     * Exchanges the code of Gong's consent redirect for the first tokens and stores them in the state store of the
     * component's configuration (stateFile or stateRepository), under the key of the new refresh token. Set the
     * returned refresh token as the refreshToken option: endpoints then find and continue the stored chain.
     *
     * @param component   the Gong component whose configuration gives clientId, clientSecret, tokenUrl, the state
     *                    store and the connection options
     * @param code        the {@code code} parameter of the redirect
     * @param redirectUri the same redirect URI as in the consent URL
     * @throws GongAuthenticationException when Gong rejects the code or the client
     * @throws GongApiException            when the token endpoint gives no usable response
     */
    public static Grant exchangeCode(GongComponent component, String code, String redirectUri) {
        GongConfiguration configuration = component.getConfiguration();
        TokenStore store = component.tokenStore(configuration);
        return exchangeCode(component.getCamelContext(), configuration, store, code, redirectUri);
    }

    /**
     * Exchanges a code like {@link #exchangeCode(GongComponent, String, String)}, with an explicit token store
     * ({@code null} stores nothing).
     */
    public static Grant exchangeCode(
            CamelContext camelContext, GongConfiguration configuration, TokenStore store, String code,
            String redirectUri) {
        if (configuration.getClientId() == null || configuration.getClientSecret() == null) {
            throw new GongValidationException(
                    "Missing option clientId or clientSecret for the Gong OAuth code exchange: set both on the"
                                              + " component (camel.component.gong.client-id, client-secret)");
        }
        TokenEndpoint.Result result;
        try (GongHttpClient httpClient = new GongHttpClient(camelContext, configuration)) {
            TokenEndpoint endpoint = new TokenEndpoint(httpClient, configuration.getTokenUrl(),
                    configuration.getClientId(), configuration.getClientSecret());
            result = endpoint.exchangeCode(code, configuration.getClientId(), redirectUri);
        } catch (IOException e) {
            throw new GongException("Cannot close the HTTP client of the Gong OAuth code exchange", e);
        }
        if (result.outcome() != TokenEndpoint.Outcome.TOKENS || result.tokens().refreshToken() == null) {
            List<String> errors = result.error() == null ? List.of() : List.of(result.error());
            String detail = "Gong did not issue a refresh token for the authorization code of client id '"
                            + configuration.getClientId() + "'"
                            + (result.description() == null ? "" : " (" + result.description() + ")")
                            + ". Codes are single use and expire quickly: open the consent URL again";
            if (result.outcome() == TokenEndpoint.Outcome.NO_ANSWER) {
                throw new GongApiException("oauth/code", result.statusCode(), null, errors, detail);
            }
            throw new GongAuthenticationException("oauth/code", result.statusCode(), null, errors, detail);
        }

        TokenEndpoint.Tokens tokens = result.tokens();
        TokenChain chain = new TokenChain(tokens.refreshToken(), tokens.accessToken(),
                tokens.expiresIn() == null ? null : Instant.now().plusSeconds(tokens.expiresIn()), tokens.baseUrl(),
                tokens.scope(), TokenChain.fingerprintOf(tokens.refreshToken()));
        String key = OAuthSettings.storeKey(configuration.getClientId(), tokens.refreshToken());
        if (store != null) {
            store.withLock(key, () -> store.compareAndSet(key, store.read(key), chain));
        }
        return new Grant(tokens.refreshToken(), key, "oauth:" + configuration.getClientId() + ":"
                                                     + chain.origin(), tokens.scope(), tokens.baseUrl());
    }

    /**
     * Returns a token store over a Camel state repository, for {@link #exchangeCode(CamelContext, GongConfiguration,
     * TokenStore, String, String)}.
     */
    public static TokenStore tokenStore(StateRepository<String, String> repository) {
        return repository instanceof TokenStore store ? store : new StateRepositoryTokenStore(repository);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The result of a code exchange.
     *
     * @param refreshToken the first refresh token: set it as the refreshToken option; it is a secret
     * @param storeKey     the state-store key the chain was stored under
     * @param identity     the credential identity endpoints will have, e.g. in logs
     * @param scope        the granted scopes, or {@code null}
     * @param baseUrl      the customer's API base URL, or {@code null}
     */
    public record Grant(String refreshToken, String storeKey, String identity, String scope, String baseUrl) {

        @Override
        public String toString() {
            return "Grant[refreshToken=****, storeKey=" + storeKey + ", identity=" + identity + ", scope=" + scope
                   + ", baseUrl=" + baseUrl + "]";
        }
    }
}
