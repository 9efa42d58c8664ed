package io.camelgong.gong.examples;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.camelgong.gong.GongConstants;
import io.camelgong.gong.GongValidationException;

/**
 * Connects an end user's Gong account to Airbyte with Airbyte's server-side OAuth flow, so that the user's Gong tokens
 * never pass through the application:
 * <ol>
 * <li>{@code direct:gong-connect} takes the user's id in the header {@code userId}, starts the flow
 * (gong:connectors/oauth_initiate) and returns the consent URL to send the user's browser to.</li>
 * <li>After consent, Airbyte redirects the browser to {@code gong.oauth.redirect-url?user=ID&secret_id=...}. The
 * callback route creates the user's Gong connector from that secret_id (gong:connectors/create); hosted routes then
 * find it with {@code externalUserId=ID}.</li>
 * </ol>
 * Properties: {@code gong.oauth.redirect-url}, the public URL of the callback, and
 * {@code gong.oauth.callback-endpoint}, the Camel endpoint that serves it. The default {@code direct:} endpoint lets
 * {@link HostedExamplesMain} play the browser; in a web application use an HTTP endpoint such as
 * {@code platform-http:/gong/oauth/callback} (camel-platform-http-main), whose query parameters become headers.
 */
public class HostedOAuthRoute extends RouteBuilder {

    // Under io.camelgong.gong.examples, so that the example runner's logging configuration shows it.
    private static final String LOG_NAME = "io.camelgong.gong.examples.gong-oauth";

    @Override
    public void configure() {
        from("direct:gong-connect").routeId("gong-connect")
                .process(HostedOAuthRoute::initiateParams)
                .to("gong:connectors/oauth_initiate")
                .log(LoggingLevel.INFO, LOG_NAME, "Send user ${header.userId} to ${header.CamelGongConsentUrl}")
                .setBody(header(GongConstants.CONSENT_URL));

        from("{{gong.oauth.callback-endpoint:direct:gong-oauth-callback}}").routeId("gong-oauth-callback")
                .process(HostedOAuthRoute::createParams)
                .to("gong:connectors/create?connectorName=Gong")
                .log(LoggingLevel.INFO, LOG_NAME, "Created Airbyte Gong connector ${header.CamelGongConnectorId}"
                                                  + " for user ${header.user}");
    }

    private static void initiateParams(Exchange exchange) {
        String userId = required(exchange, "userId");
        String redirectUrl = exchange.getContext().resolvePropertyPlaceholders("{{gong.oauth.redirect-url}}")
                             + "?user=" + URLEncoder.encode(userId, StandardCharsets.UTF_8);
        exchange.getMessage().setHeader(GongConstants.PARAMS,
                Map.of("external_user_id", userId, "redirect_url", redirectUrl));
    }

    private static void createParams(Exchange exchange) {
        // The user id travels in the redirect URL, because the callback carries only what Airbyte adds: secret_id.
        String userId = required(exchange, "user");
        String secretId = required(exchange, "secret_id");
        exchange.getMessage().setHeader(GongConstants.PARAMS,
                Map.of("external_user_id", userId, "server_side_oauth_secret_id", secretId));
    }

    private static String required(Exchange exchange, String header) {
        String value = exchange.getMessage().getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new GongValidationException("Missing header or query parameter '" + header + "'");
        }
        return value;
    }
}
