package io.camelgong.gong.auth;

import java.nio.file.Path;
import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;

import io.camelgong.gong.GongConfiguration;
import io.camelgong.gong.client.GongHttpClient;

/**
 * Runs one token refresh in a separate JVM against a shared state file, for {@link FileStateStoreTest}. Prints the
 * fingerprint of the access token it obtained, never the token.
 * <p>
 * Arguments: state file, token URL, client id, client secret, configured refresh token.
 */
public final class RefreshInChildProcess {

    private RefreshInChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        OAuthSettings settings = new OAuthSettings(args[2], args[3], args[1], args[4], null, Duration.ofMinutes(1));
        try (DefaultCamelContext camelContext = new DefaultCamelContext();
             GongHttpClient httpClient = new GongHttpClient(camelContext, new GongConfiguration())) {
            OAuthTokenManager manager = new OAuthTokenManager(settings, new FileStateStore(Path.of(args[0])),
                    new TokenEndpoint(httpClient, settings.tokenUrl(), settings.clientId(), settings.clientSecret()));
            System.out.println("access-token-fingerprint=" + TokenChain.fingerprintOf(manager.accessToken()));
        }
    }
}
