package io.camelgong.gong.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * OAuth scopes: a grant without an operation's scope is reported, and Gong's permission error names the scope.
 */
class ScopeCheckTest extends OAuthTestSupport {

    private ProducerTemplate start(String grantedScope) {
        String configured = token("refresh0");
        Path stateFile = tempDir.resolve("state.properties");
        Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
        seedChain(stateFile, configured, new TokenChain(configured, token("access0"), expiresAt, baseUrl(),
                grantedScope, TokenChain.fingerprintOf(configured)));
        GongConfiguration configuration = oauthConfiguration(configured);
        configuration.setStateFile(stateFile.toString());
        return startContext(configuration).createProducerTemplate();
    }

    @Test
    void missingScopeWarnsOnce() {
        gong.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(recorded("users_list.json").toString())));
        ProducerTemplate template = start("api:calls:read:basic");

        template.requestBody("gong:users/list", (Object) null);
        template.requestBody("gong:users/list", (Object) null);

        assertThat(logMessages()).filteredOn(line -> line.startsWith("WARN") && line.contains("'api:users:read'"))
                .hasSize(1);
    }

    @Test
    void permissionErrorNamesScope() {
        gong.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"requestId\":\"r403\","
                          + "\"errors\":[\"You don't have permission to use 'api:users:read'\"]}")));
        ProducerTemplate template = start("api:calls:read:basic");

        assertThatThrownBy(() -> template.requestBody("gong:users/list", (Object) null))
                .cause().isInstanceOf(GongAuthenticationException.class)
                .hasMessageContaining("lacks the scope 'api:users:read'")
                .hasMessageContaining("consent again");
        assertThat(tokenRequests()).isEmpty();
    }
}
