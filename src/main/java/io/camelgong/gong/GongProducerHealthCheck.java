package io.camelgong.gong;

import java.util.Map;
import java.util.Optional;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import io.camelgong.gong.auth.GongCredentials;
import io.camelgong.gong.client.GongCallStatus;

/**
 * Readiness of a Gong producer. It is DOWN when the credentials can no longer work until a person acts, such as an
 * OAuth refresh token that Gong rejected with invalid_grant. It is also DOWN once Gong has rejected the credentials
 * several times in a row, and while the daily request budget is spent. The details carry the reason, the HTTP status
 * and Gong's requestId.
 */
public class GongProducerHealthCheck extends AbstractHealthCheck {

    /** Authentication failures in a row after which the producer reports DOWN. */
    static final int AUTHENTICATION_FAILURES_FOR_DOWN = 3;

    private final GongEndpoint endpoint;

    public GongProducerHealthCheck(GongEndpoint endpoint, String id) {
        super("camel", "producer:gong-" + id);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        // A rejected credential or a spent budget needs an operator, not a restart.
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        GongCallStatus status = endpoint.getCallStatus();
        GongApiException lastFailure = status.lastFailure();
        int authenticationFailures = status.consecutiveAuthenticationFailures();
        builder.detail("endpoint", endpoint.toString());
        builder.detail("consecutive.authentication.failures", authenticationFailures);
        Optional<GongAuthenticationException> permanent = permanentFailure();
        if (permanent.isPresent()) {
            builder.message("Gong credentials no longer work until a person acts: " + permanent.get().getMessage());
            addFailureDetails(builder, permanent.get());
            builder.down();
            return;
        }
        if (authenticationFailures >= AUTHENTICATION_FAILURES_FOR_DOWN && lastFailure != null) {
            builder.message("Gong rejected the credentials " + authenticationFailures + " times in a row: "
                            + lastFailure.getMessage());
            addFailureDetails(builder, lastFailure);
            builder.down();
            return;
        }
        if (lastFailure instanceof GongBudgetExhaustedException && status.failedSinceLastSuccess()) {
            builder.message(lastFailure.getMessage());
            addFailureDetails(builder, lastFailure);
            builder.down();
            return;
        }
        builder.up();
    }

    private Optional<GongAuthenticationException> permanentFailure() {
        GongCredentials credentials = endpoint.getCredentials();
        return credentials == null ? Optional.empty() : credentials.permanentFailure();
    }

    private static void addFailureDetails(HealthCheckResultBuilder builder, GongApiException failure) {
        if (failure.getStatusCode() > 0) {
            builder.detail(HTTP_RESPONSE_CODE, failure.getStatusCode());
        }
        if (failure.getRequestId() != null) {
            builder.detail("gong.request.id", failure.getRequestId());
        }
        builder.detail("gong.operation", failure.getOperation());
    }
}
