package io.camelgong.gong.hosted;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current Airbyte application token of one set of Airbyte client credentials, shared by every endpoint that uses
 * them. A token is fetched when none is cached, shortly before the cached one expires, or after Airbyte rejected the
 * current one. Fetches are single flight: concurrent callers wait for the one fetch in progress and reuse its token.
 */
public final class AirbyteTokenCache {

    private static final Logger LOG = LoggerFactory.getLogger(AirbyteTokenCache.class);

    /** Token lifetime when the token response has no expires_in; Airbyte documents about 15 minutes. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final Duration MAX_MARGIN = Duration.ofSeconds(60);

    private final String identity;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile CachedToken current;

    AirbyteTokenCache(String identity, Clock clock) {
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Returns a token that is not about to expire, fetching one first when needed.
     */
    public String token(TokenFetcher fetcher) {
        CachedToken token = current;
        if (token != null && token.isFresh(clock.instant())) {
            return token.value();
        }
        lock.lock();
        try {
            token = current;
            if (token == null || !token.isFresh(clock.instant())) {
                token = fetch(fetcher);
            }
            return token.value();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces the token after Airbyte responded 401 to a request that carried {@code rejectedToken}. Fetches a new
     * token only when the rejected one is still current, so concurrent 401s cause one fetch. Returns the token to
     * replay with.
     */
    public String renewAfterUnauthorized(String rejectedToken, TokenFetcher fetcher) {
        lock.lock();
        try {
            CachedToken token = current;
            if (token == null || token.value().equals(rejectedToken)) {
                token = fetch(fetcher);
            }
            return token.value();
        } finally {
            lock.unlock();
        }
    }

    private CachedToken fetch(TokenFetcher fetcher) {
        AirbyteToken fetched = fetcher.fetch();
        Duration lifetime = fetched.expiresIn() != null ? fetched.expiresIn() : DEFAULT_LIFETIME;
        // Renew a fifth of the lifetime early, at most a minute, so a request never leaves with a token that
        // expires on the way.
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
        Instant renewAt = clock.instant().plus(lifetime).minus(margin);
        CachedToken token = new CachedToken(fetched.accessToken(), renewAt);
        current = token;
        LOG.info("Obtained an Airbyte application token for {}, valid for {} s", identity, lifetime.toSeconds());
        return token;
    }

    @Override
    public String toString() {
        return "AirbyteTokenCache[" + identity + "]";
    }

    /**
     * Sends the token request. Implementations throw {@link io.camelgong.gong.GongAuthenticationException} when
     * Airbyte rejects the client credentials.
     */
    @FunctionalInterface
    public interface TokenFetcher {
        AirbyteToken fetch();
    }

    private record CachedToken(String value, Instant renewAt) {
        boolean isFresh(Instant now) {
            return now.isBefore(renewAt);
        }

        @Override
        public String toString() {
            return "CachedToken[***, renewAt=" + renewAt + "]";
        }
    }
}
