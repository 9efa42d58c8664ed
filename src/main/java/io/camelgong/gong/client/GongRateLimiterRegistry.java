package io.camelgong.gong.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate limiters of a component, one per Gong tenant identity, so that every endpoint and consumer of a tenant
 * draws from the same limit.
 */
public final class GongRateLimiterRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(GongRateLimiterRegistry.class);

    private final Map<String, GongRateLimiter> limiters = new ConcurrentHashMap<>();

    /**
     * Returns the tenant's limiter, created with these settings on first use. A later caller with different
     * settings gets the existing limiter, because two limits for one tenant would together exceed Gong's.
     */
    public GongRateLimiter limiterFor(String identity, GongRateLimiter.Settings settings) {
        GongRateLimiter limiter = limiters.computeIfAbsent(identity, key -> new GongRateLimiter(key, settings));
        if (!limiter.settings().equals(settings)) {
            LOG.warn("Gong tenant {} already has the rate limit {}; ignoring the different settings {} of a later"
                     + " endpoint. Set rateLimit and dailyRequestBudget on the component to keep them equal.",
                    identity, limiter.settings(), settings);
        }
        return limiter;
    }
}
