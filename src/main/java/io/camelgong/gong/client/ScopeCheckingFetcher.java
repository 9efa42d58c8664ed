package io.camelgong.gong.client;

import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;

/**
 * Compares an OAuth grant's scopes with the scope each operation needs. A missing scope is logged once as a warning,
 * and Gong's error "You don't have permission to use 'api:...'" becomes a {@link GongAuthenticationException} that
 * names the scope and the fix.
 */
public final class ScopeCheckingFetcher implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(ScopeCheckingFetcher.class);
    private static final Pattern MISSING_PERMISSION = Pattern.compile("permission to use '([^']+)'");

    private final PageFetcher delegate;
    private final Supplier<Set<String>> grantedScopes;
    private final Predicate<String> firstWarningAbout;

    /**
     * @param delegate          the fetcher that sends the requests
     * @param grantedScopes     returns the granted scopes, or {@code null} while they are unknown
     * @param firstWarningAbout records a warning about a scope and returns whether it is the first, so endpoints
     *                          that share a credential warn once
     */
    public ScopeCheckingFetcher(
            PageFetcher delegate, Supplier<Set<String>> grantedScopes, Predicate<String> firstWarningAbout) {
        this.delegate = delegate;
        this.grantedScopes = grantedScopes;
        this.firstWarningAbout = firstWarningAbout;
    }

    @Override
    public GongPage fetch(GongRequest request) {
        GongOperation operation = request.operation();
        try {
            GongPage page = delegate.fetch(request);
            warnIfNotGranted(operation);
            return page;
        } catch (GongApiException e) {
            String scope = missingScope(e);
            if (scope == null) {
                throw e;
            }
            throw new GongAuthenticationException(operation.name(), e.getStatusCode(), e.getRequestId(),
                    e.getErrors(), "the OAuth grant lacks the scope '" + scope + "' that gong:" + operation.name()
                                   + " needs. Add the scope to the Gong app, then have a Gong technical administrator"
                                   + " consent again and configure the new refresh token");
        }
    }

    /**
     * Warns once per scope when the grant is known and lacks what the operation needs. Runs after the request because
     * the first token response, which names the granted scopes, arrives with the first request.
     */
    private void warnIfNotGranted(GongOperation operation) {
        Set<String> granted = grantedScopes.get();
        String needed = operation.scope();
        if (granted == null || needed == null || granted.contains(needed)) {
            return;
        }
        if (firstWarningAbout.test(needed)) {
            LOG.warn("The OAuth grant does not list the scope '{}' that gong:{} needs (granted: {}); Gong may reject"
                     + " such requests", needed, operation.name(), String.join(" ", granted));
        }
    }

    private static String missingScope(GongApiException e) {
        if (e.getStatusCode() != 401 && e.getStatusCode() != 403) {
            return null;
        }
        for (String error : e.getErrors()) {
            Matcher matcher = MISSING_PERMISSION.matcher(error);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }
}
