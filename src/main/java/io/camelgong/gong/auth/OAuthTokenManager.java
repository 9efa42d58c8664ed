package io.camelgong.gong.auth;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;

/**
 * Owns the OAuth token chain of one credential identity for a whole CamelContext. Every endpoint with that identity
 * gets its access token from this manager, so at most one refresh is in flight and everyone else waits for its result.
 * <p>
 * Invariants:
 * <ul>
 * <li>A new refresh token is written to the {@link TokenStore} before the access token that came with it is handed
 * out.</li>
 * <li>A refresh token is presented once per refresh, never retried within it. After a request without a usable
 * response, a later refresh may present it again, but only after reading the store again. After invalid_grant the
 * manager sends no more token requests.</li>
 * <li>A stored chain wins over the configured refresh token, which may already be spent.</li>
 * </ul>
 */
public final class OAuthTokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokenManager.class);
    private static final String OPERATION = "oauth/refresh";

    private final OAuthSettings settings;
    private final TokenStore store;
    private final TokenEndpoint tokenEndpoint;
    private final String key;
    private final String identity;
    // Held while loading or refreshing, so threads of this JVM queue here before they reach the store's lock.
    private final ReentrantLock refreshLock = new ReentrantLock();

    private final Set<String> warnedScopes = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean warnedShortLifetime = new AtomicBoolean();

    private volatile TokenChain current;
    private volatile GongAuthenticationException permanentFailure;

    public OAuthTokenManager(OAuthSettings settings, TokenStore store, TokenEndpoint tokenEndpoint) {
        this.settings = settings;
        this.store = store;
        this.tokenEndpoint = tokenEndpoint;
        this.key = settings.storeKey();
        this.identity = settings.identity();
    }

    /**
     * Returns a current access token, refreshing it first when it is missing or expires within the skew.
     *
     * @throws GongAuthenticationException when the chain is dead (invalid_grant) or Gong rejects the client
     * @throws GongApiException            when the token endpoint gave no usable response
     */
    public String accessToken() {
        TokenChain chain = chain();
        if (chain.usableAt(Instant.now(), settings.refreshSkew())) {
            return chain.accessToken();
        }
        return refresh(chain).accessToken();
    }

    /**
     * Renews the access token after Gong responded with 401 to a request that carried {@code rejectedAccessToken}.
     * Refreshes only if that token is still the current one. When another thread already renewed it, the current one
     * is used.
     *
     * @return whether a different access token is now current, so the request may be replayed once
     */
    public boolean renewAfterUnauthorized(String rejectedAccessToken) {
        if (permanentFailure != null) {
            return false;
        }
        TokenChain chain = chain();
        if (!Objects.equals(chain.accessToken(), rejectedAccessToken)) {
            return chain.accessToken() != null;
        }
        TokenChain renewed = refresh(chain);
        return !Objects.equals(renewed.accessToken(), rejectedAccessToken);
    }

    /**
     * Returns the reason this credential can no longer work, e.g. a spent refresh token: empty while it may work. A
     * consumer checks it to stop polling until a new consent.
     */
    public Optional<GongAuthenticationException> permanentFailure() {
        return Optional.ofNullable(permanentFailure);
    }

    /**
     * Returns Gong's {@code api_base_url_for_customer} of the current chain, or {@code null} when none is known yet.
     */
    public String customerBaseUrl() {
        return chain().baseUrl();
    }

    /**
     * Returns the scopes Gong granted, or {@code null} while no token response named them.
     */
    public Set<String> grantedScopes() {
        String scope = chain().scope();
        if (scope == null) {
            return null;
        }
        return new LinkedHashSet<>(Arrays.asList(scope.trim().split("[\\s,]+")));
    }

    /**
     * Records that a warning about a scope missing from the grant was logged, so it is logged once per credential.
     *
     * @return whether this is the first warning about the scope
     */
    public boolean firstWarningAbout(String scope) {
        return warnedScopes.add(scope);
    }

    public String identity() {
        return identity;
    }

    public OAuthSettings settings() {
        return settings;
    }

    public TokenStore store() {
        return store;
    }

    private TokenChain chain() {
        failIfDead();
        TokenChain chain = current;
        if (chain != null) {
            return chain;
        }
        refreshLock.lock();
        try {
            if (current == null) {
                current = store.withLock(key, this::initialChain);
            }
            return current;
        } finally {
            refreshLock.unlock();
        }
    }

    private TokenChain initialChain() {
        TokenChain stored = sameOrigin(store.read(key));
        if (stored != null) {
            LOG.info("Using the stored OAuth token chain of {} (key {}) instead of the configured refresh token",
                    identity, key);
            return stored;
        }
        return TokenChain.configured(settings.refreshToken(), settings.accessToken());
    }

    /**
     * Returns a chain read from the store, or {@code null} when there is none or it started from another configured
     * refresh token: then the configured token is newer, from a new consent.
     */
    private TokenChain sameOrigin(TokenChain stored) {
        String origin = TokenChain.fingerprintOf(settings.refreshToken());
        if (stored != null && stored.origin() != null && !origin.equals(stored.origin())) {
            LOG.warn("The stored OAuth token chain under key {} started from another refresh token; the configured"
                     + " refresh token of {} replaces it", key, identity);
            return null;
        }
        return stored;
    }

    private TokenChain refresh(TokenChain seen) {
        refreshLock.lock();
        try {
            failIfDead();
            TokenChain latest = current;
            if (renewedSince(latest, seen)) {
                return latest;
            }
            return store.withLock(key, () -> refreshHoldingStoreLock(seen));
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * Tells whether {@code candidate} carries a different, usable access token than {@code seen}: someone renewed
     * the token meanwhile, so no refresh is needed.
     */
    private boolean renewedSince(TokenChain candidate, TokenChain seen) {
        return candidate != null && !Objects.equals(candidate.accessToken(), seen.accessToken())
               && candidate.usableAt(Instant.now(), settings.refreshSkew());
    }

    private TokenChain refreshHoldingStoreLock(TokenChain seen) {
        TokenChain raw = store.read(key);
        TokenChain stored = sameOrigin(raw);
        if (renewedSince(stored, seen)) {
            LOG.debug("Another process refreshed the OAuth token of {}; using its result", identity);
            current = stored;
            return stored;
        }
        TokenChain base = stored != null ? stored : current;
        LOG.debug("Refreshing the OAuth access token of {} at {}", identity, tokenEndpoint.tokenUrl());
        TokenEndpoint.Result result = tokenEndpoint.refresh(base.refreshToken());
        if (result.outcome() != TokenEndpoint.Outcome.TOKENS) {
            return afterFailedRefresh(base, raw, result);
        }

        TokenChain next = nextChain(base, result.tokens());
        if (!store.compareAndSet(key, raw, next)) {
            // Only a writer that ignores the lock gets here. Gong has spent base's refresh token, so the newest chain
            // is the one just received: keep it rather than lose the chain.
            LOG.warn("The stored OAuth token chain of {} changed during a refresh although the refresh held the"
                     + " store's lock; overwriting it with the newly issued tokens", identity);
            store.compareAndSet(key, store.read(key), next);
        }
        current = next;
        LOG.info("Refreshed the OAuth access token of {}; it expires at {}", identity,
                next.expiresAt() == null ? "an unknown time" : next.expiresAt());
        return next;
    }

    private TokenChain nextChain(TokenChain base, TokenEndpoint.Tokens tokens) {
        String refreshToken = tokens.refreshToken();
        if (refreshToken == null) {
            LOG.warn("Gong's token response for {} has no refresh_token; keeping the previous refresh token", identity);
            refreshToken = base.refreshToken();
        }
        Instant expiresAt = tokens.expiresIn() == null ? null : Instant.now().plusSeconds(tokens.expiresIn());
        if (tokens.expiresIn() != null && tokens.expiresIn() * 1000 <= 2 * settings.refreshSkew().toMillis()
            && warnedShortLifetime.compareAndSet(false, true)) {
            LOG.warn("Gong's access tokens for {} last {} s, not much longer than tokenRefreshSkew ({} ms), so nearly"
                     + " every request refreshes the token; lower tokenRefreshSkew", identity, tokens.expiresIn(),
                    settings.refreshSkew().toMillis());
        }
        return new TokenChain(refreshToken, tokens.accessToken(), expiresAt,
                tokens.baseUrl() != null ? tokens.baseUrl() : base.baseUrl(),
                tokens.scope() != null ? tokens.scope() : base.scope(),
                base.origin() != null ? base.origin() : TokenChain.fingerprintOf(settings.refreshToken()));
    }

    /**
     * Handles a refresh that returned no tokens. The refresh token is never presented again here: when another
     * writer stored a newer chain meanwhile it is used, otherwise the failure is reported.
     */
    private TokenChain afterFailedRefresh(TokenChain presented, TokenChain stored, TokenEndpoint.Result result) {
        TokenChain reread = sameOrigin(store.read(key));
        if (reread != null && !Objects.equals(reread, stored)
            && !reread.refreshToken().equals(presented.refreshToken())) {
            LOG.warn("Refreshing the OAuth token of {} failed ({}), but the store now holds a newer chain; using it",
                    identity, result.outcome());
            current = reread;
            return reread;
        }
        List<String> errors = result.error() == null ? List.of() : List.of(result.error());
        switch (result.outcome()) {
            case INVALID_GRANT -> {
                GongAuthenticationException dead = new GongAuthenticationException(OPERATION, result.statusCode(),
                        null, errors, invalidGrantDetail());
                permanentFailure = dead;
                LOG.error("OAuth credential {} is dead: Gong responded with invalid_grant to its refresh token; a Gong"
                          + " technical administrator must consent again", identity);
                throw dead;
            }
            case CLIENT_REJECTED -> throw new GongAuthenticationException(OPERATION, result.statusCode(), null,
                    errors, "Gong rejected the OAuth client id '" + settings.clientId() + "' or its client secret at "
                            + tokenEndpoint.tokenUrl() + "; check clientId and clientSecret"
                            + describe(result));
            case REJECTED -> throw new GongAuthenticationException(OPERATION, result.statusCode(), null, errors,
                    "Gong rejected the refresh request of " + identity + describe(result));
            default -> throw new GongApiException(OPERATION, result.statusCode(), null, errors,
                    "no usable response from the token endpoint " + tokenEndpoint.tokenUrl() + " for " + identity
                            + describe(result) + ". The refresh token may or may not have been spent, so it was not"
                            + " sent again now. The next request tries once more, and if Gong responds with"
                            + " invalid_grant a new consent is needed");
        }
    }

    private String invalidGrantDetail() {
        return "the OAuth refresh token of client id '" + settings.clientId() + "' (credential " + identity + ") was"
               + " already used or revoked. Gong refresh tokens are single use and retrying cannot help: a Gong"
               + " technical administrator must consent again (GongOAuth.consentUrl and GongOAuth.exchangeCode store"
               + " the new chain), or set refreshToken to the new token";
    }

    private static String describe(TokenEndpoint.Result result) {
        return result.description() == null ? "" : " (" + result.description() + ")";
    }

    private void failIfDead() {
        GongAuthenticationException dead = permanentFailure;
        if (dead != null) {
            throw new GongAuthenticationException(dead.getOperation(), dead.getStatusCode(), null, dead.getErrors(),
                    invalidGrantDetail());
        }
    }

    @Override
    public String toString() {
        return "OAuthTokenManager[" + identity + ", key=" + key + ", store=" + store + "]";
    }
}
