package io.camelgong.gong.hosted;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.camelgong.gong.auth.AccessKeyCredentials;

/**
 * The Airbyte token caches of one Gong component, one per API URL, client id, client secret and organization, so
 * endpoints with the same Airbyte credentials share one token and one refresh.
 */
public final class AirbyteTokenRegistry {

    private final Map<String, AirbyteTokenCache> caches = new ConcurrentHashMap<>();
    private final Clock clock;

    public AirbyteTokenRegistry() {
        this(Clock.systemUTC());
    }

    AirbyteTokenRegistry(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the cache for a set of credentials, creating it on first use.
     */
    public AirbyteTokenCache cache(HostedSettings settings) {
        // The secret takes part as a fingerprint, so a corrected secret never reuses a token of the wrong one.
        String key = settings.apiUrl() + "|" + settings.clientId() + "|"
                     + AccessKeyCredentials.fingerprint(settings.clientSecret()) + "|" + settings.organizationId();
        return caches.computeIfAbsent(key, k -> new AirbyteTokenCache(settings.identity(), clock));
    }
}
