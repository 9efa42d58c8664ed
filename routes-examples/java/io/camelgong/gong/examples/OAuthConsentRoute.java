package io.camelgong.gong.examples;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.camelgong.gong.GongComponent;
import io.camelgong.gong.GongOAuth;

/**
 * Obtains the first Gong OAuth refresh token through Gong's consent page, and stores the token chain in the gong
 * component's state store.
 * <p>
 * How to use it:
 * <ol>
 * <li>Register a Gong OAuth app whose redirect URI is this route's callback, e.g.
 * {@code https://integration.example.com/oauth/callback}.</li>
 * <li>Configure the component: {@code camel.component.gong.client-id}, {@code camel.component.gong.client-secret} and
 * {@code camel.component.gong.state-file} (the same state file the integration will use), plus the properties
 * {@code gong.oauth.redirectUri} (the registered redirect URI) and optionally {@code gong.oauth.scopes} (space
 * separated).</li>
 * <li>Add an HTTP server component such as camel-platform-http-main, run the routes, and have a Gong technical
 * administrator open {@code /oauth/start}. Gong shows its consent page and redirects to {@code /oauth/callback},
 * which exchanges the code and stores the tokens.</li>
 * <li>The callback page shows the first refresh token once. Set it as {@code camel.component.gong.refresh-token}
 * (from a secret store): the integration then continues the stored chain. Treat the page like a password.</li>
 * </ol>
 * The properties {@code gong.oauth.startUri} and {@code gong.oauth.callbackUri} change the endpoints the two routes
 * consume from.
 */
public class OAuthConsentRoute extends RouteBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    // The consent is a one-time step, so the pending state values of this JVM are enough.
    private final Set<String> pendingStates = ConcurrentHashMap.newKeySet();

    @Override
    public void configure() {
        from("{{gong.oauth.startUri:platform-http:/oauth/start}}").routeId("gong-oauth-start")
                .process(this::redirectToConsent);

        from("{{gong.oauth.callbackUri:platform-http:/oauth/callback}}").routeId("gong-oauth-callback")
                .process(this::exchangeCode);
    }

    private void redirectToConsent(Exchange exchange) {
        GongComponent gong = getContext().getComponent("gong", GongComponent.class);
        String state = newState();
        pendingStates.add(state);
        String scopes = getContext().resolvePropertyPlaceholders(
                "{{gong.oauth.scopes:api:calls:read:basic api:calls:read:extensive api:users:read}}");
        String consentUrl = GongOAuth.consentUrl(gong.getConfiguration().getClientId(), redirectUri(),
                Arrays.asList(scopes.trim().split("\\s+")), state);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        exchange.getMessage().setHeader("Location", consentUrl);
        exchange.getMessage().setBody("Redirecting to Gong's consent page");
    }

    private void exchangeCode(Exchange exchange) {
        String state = exchange.getMessage().getHeader("state", String.class);
        String code = exchange.getMessage().getHeader("code", String.class);
        if (state == null || !pendingStates.remove(state) || code == null) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 400);
            exchange.getMessage().setBody("Invalid or expired consent callback: open /oauth/start again");
            return;
        }

        GongComponent gong = getContext().getComponent("gong", GongComponent.class);
        GongOAuth.Grant grant = GongOAuth.exchangeCode(gong, code, redirectUri());
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/plain");
        exchange.getMessage().setHeader("Cache-Control", "no-store");
        exchange.getMessage().setBody("Gong consent stored under key " + grant.storeKey() + " for credential "
                                      + grant.identity() + ", scopes: " + grant.scope() + ".\n"
                                      + "Set camel.component.gong.refresh-token to this first refresh token, keep"
                                      + " it secret, and close this page:\n" + grant.refreshToken() + "\n");
    }

    private String redirectUri() {
        return getContext().resolvePropertyPlaceholders("{{gong.oauth.redirectUri}}");
    }

    private static String newState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
