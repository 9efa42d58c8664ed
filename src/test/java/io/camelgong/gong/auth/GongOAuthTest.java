package io.camelgong.gong.auth;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongComponent;
import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.GongOAuth;
import io.camelgong.gong.examples.OAuthConsentRoute;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent URL, the authorization-code exchange and the example consent routes.
 */
class GongOAuthTest extends OAuthTestSupport {

    private static final String REDIRECT = "https://integration.example.com/oauth/callback";

    private void stubCodeExchange(String code, String accessToken, String refreshToken) {
        gong.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withBasicAuth(CLIENT_ID, CLIENT_SECRET)
                .withRequestBody(equalTo("grant_type=authorization_code&code=" + code + "&client_id=" + CLIENT_ID
                                         + "&redirect_uri=https%3A%2F%2Fintegration.example.com%2Foauth%2Fcallback"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(tokenAnswer(accessToken, refreshToken, 3600, null).toString())));
    }

    @Test
    void consentUrlEncodesParameters() {
        String url = GongOAuth.consentUrl(CLIENT_ID, REDIRECT, List.of("api:calls:read:basic", "api:users:read"),
                "state 1");

        assertThat(url).isEqualTo("https://app.gong.io/oauth2/authorize?client_id=" + CLIENT_ID
                                  + "&response_type=code&scope=api%3Acalls%3Aread%3Abasic%20api%3Ausers%3Aread"
                                  + "&redirect_uri=https%3A%2F%2Fintegration.example.com%2Foauth%2Fcallback"
                                  + "&state=state%201");
    }

    @Test
    void exchangedCodeStartsStoredChain() {
        String access = token("access0");
        String first = token("refresh0");
        stubCodeExchange("code-1", access, first);
        gong.stubFor(get(urlPathEqualTo("/v2/users")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson(recorded("users_list.json").toString())));
        Path stateFile = tempDir.resolve("state.properties");
        GongConfiguration consent = oauthConfiguration(null);
        consent.setStateFile(stateFile.toString());
        CamelContext consentContext = startContext(consent);

        GongOAuth.Grant grant = GongOAuth.exchangeCode(consentContext.getComponent("gong", GongComponent.class),
                "code-1", REDIRECT);
        GongConfiguration integration = oauthConfiguration(grant.refreshToken());
        integration.setStateFile(stateFile.toString());
        List<?> users = startContext(integration).createProducerTemplate()
                .requestBody("gong:users/list", (Object) null, List.class);

        assertThat(grant.refreshToken()).isEqualTo(first);
        assertThat(grant.toString()).doesNotContain(first);
        assertThat(storedChain(stateFile, first).accessToken()).isEqualTo(access);
        assertThat(users).hasSize(9);
        assertThat(tokenRequests()).as("only the code exchange").hasSize(1);
        assertThat(gong.findAll(getRequestedFor(urlPathEqualTo("/v2/users")))).hasSize(1);
    }

    @Test
    void consentRoutesExchangeCode() throws Exception {
        String first = token("refresh0");
        stubCodeExchange("code-2", token("access0"), first);
        Path stateFile = tempDir.resolve("state.properties");
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        GongComponent component = new GongComponent();
        GongConfiguration configuration = oauthConfiguration(null);
        configuration.setStateFile(stateFile.toString());
        component.setConfiguration(configuration);
        context.addComponent("gong", component);
        Properties properties = new Properties();
        properties.put("gong.oauth.startUri", "direct:start");
        properties.put("gong.oauth.callbackUri", "direct:callback");
        properties.put("gong.oauth.redirectUri", REDIRECT);
        context.getPropertiesComponent().setInitialProperties(properties);
        context.addRoutes(new OAuthConsentRoute());
        context.start();
        ProducerTemplate template = context.createProducerTemplate();

        Exchange redirect = template.request("direct:start", exchange -> {
        });
        String location = redirect.getMessage().getHeader("Location", String.class);
        String state = query(location).get("state");
        Exchange forged = template.request("direct:callback", exchange -> {
            exchange.getMessage().setHeader("code", "code-2");
            exchange.getMessage().setHeader("state", "forged");
        });
        Exchange callback = template.request("direct:callback", exchange -> {
            exchange.getMessage().setHeader("code", "code-2");
            exchange.getMessage().setHeader("state", state);
        });

        assertThat(redirect.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(302);
        assertThat(location).startsWith("https://app.gong.io/oauth2/authorize?client_id=" + CLIENT_ID);
        assertThat(forged.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(400);
        assertThat(callback.getMessage().getBody(String.class)).contains(first);
        assertThat(storedChain(stateFile, first)).isNotNull();
        assertThat(tokenRequests()).hasSize(1);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        return values;
    }
}
