package io.camelgong.gong.auth;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

import io.camelgong.gong.GongAuthMode;
import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.GongEndpoint;
import io.camelgong.gong.GongValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The authentication mode follows from the credentials, and mixed or incomplete credentials fail at endpoint creation.
 */
class AuthModeValidationTest extends OAuthTestSupport {

    @Test
    void oauthModeInferredFromCredentials() {
        CamelContext context = startContext(oauthConfiguration(token("refresh0")));

        GongEndpoint endpoint = context.getEndpoint("gong:users/list", GongEndpoint.class);

        assertThat(endpoint.getAuthMode()).isEqualTo(GongAuthMode.oauth);
    }

    @Test
    void credentialsOfBothModesRejected() {
        GongConfiguration configuration = oauthConfiguration(token("refresh0"));
        configuration.setAccessKey("key");
        configuration.setAccessKeySecret(token("accessKeySecret"));
        CamelContext context = startContext(configuration);

        assertThatThrownBy(() -> context.getEndpoint("gong:users/list"))
                .rootCause().isInstanceOf(GongValidationException.class)
                .hasMessageContaining("accessKey mode").hasMessageContaining("oauth mode");
    }

    @Test
    void missingClientSecretRejected() {
        GongConfiguration configuration = oauthConfiguration(token("refresh0"));
        configuration.setClientSecret(null);
        CamelContext context = startContext(configuration);

        assertThatThrownBy(() -> context.getEndpoint("gong:users/list"))
                .rootCause().isInstanceOf(GongValidationException.class).hasMessageContaining("clientSecret");
    }

    @Test
    void plainHttpTokenUrlRejected() {
        GongConfiguration configuration = oauthConfiguration(token("refresh0"));
        configuration.setTokenUrl("http://gong.example.com/oauth2/generate-customer-token");
        CamelContext context = startContext(configuration);

        assertThatThrownBy(() -> context.getEndpoint("gong:users/list"))
                .rootCause().isInstanceOf(GongValidationException.class).hasMessageContaining("tokenUrl");
    }

    @Test
    void customerHostPolicyAcceptsGongHosts() {
        CustomerHostPolicy policy = new CustomerHostPolicy(null, GongConfiguration.DEFAULT_BASE_URL,
                java.util.Set.of("127.0.0.1", "gong.example.net"));

        assertThat(policy.baseUrl("https://us-49467.api.gong.io/")).isEqualTo("https://us-49467.api.gong.io");
        assertThat(policy.baseUrl("https://gong.example.net")).isEqualTo("https://gong.example.net");
        assertThat(policy.baseUrl("http://127.0.0.1:8080")).isEqualTo("http://127.0.0.1:8080");
        assertThat(policy.baseUrl(null)).isEqualTo(GongConfiguration.DEFAULT_BASE_URL);
        for (String rejected : new String[] { "http://us-1.api.gong.io", "https://api.gong.io.example.com",
                "http://gong.example.net", "https://user@us-1.api.gong.io", "ftp://us-1.api.gong.io" }) {
            assertThatThrownBy(() -> policy.baseUrl(rejected)).as(rejected)
                    .isInstanceOf(io.camelgong.gong.GongAuthenticationException.class);
        }
    }
}
