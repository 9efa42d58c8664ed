package io.camelgong.gong.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.GeneralSecurityException;

import javax.net.ssl.SSLContext;

import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.HttpClientResponseHandler;
import org.apache.hc.core5.util.Timeout;

import io.camelgong.gong.GongConfiguration;

/**
 * A pooled Apache HttpClient 5 set up from the endpoint's connection options. Redirects and the client's own retries
 * are off: credentials must never follow a redirect, and the component decides itself what is safe to retry.
 */
public final class GongHttpClient implements Closeable {

    private static final int MAX_CONNECTIONS = 20;
    private static final String RATE_LIMITER = GongRateLimiter.class.getName();

    private final CloseableHttpClient client;

    public GongHttpClient(CamelContext camelContext, GongConfiguration configuration) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                .setSocketTimeout(Timeout.ofMilliseconds(configuration.getReadTimeout()))
                .build();
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(connectionConfig)
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS);
        if (configuration.getSslContextParameters() != null) {
            pool.setTlsSocketStrategy(
                    new DefaultClientTlsStrategy(sslContext(camelContext, configuration.getSslContextParameters())));
        }
        PoolingHttpClientConnectionManager connectionManager = pool.build();
        var builder = HttpClients.custom()
                .setConnectionManager(connectionManager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(configuration.getReadTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofMilliseconds(configuration.getConnectTimeout()))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent("camel-gong")
                // After ConnectExec, so the wait happens once the connection is open and the request is written next.
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "gong-send-spacing",
                        GongHttpClient::awaitSendTurn);
        if (configuration.getProxyHost() != null) {
            int port = configuration.getProxyPort() != null ? configuration.getProxyPort() : 80;
            builder.setProxy(new HttpHost(configuration.getProxyHost(), port));
        }
        this.client = builder.build();
    }

    /**
     * Sends a request and hands the response to a handler; the connection is released when the handler returns.
     */
    public <T> T execute(ClassicHttpRequest request, HttpClientResponseHandler<T> handler) throws IOException {
        return client.execute(request, handler);
    }

    /**
     * Sends a request to Gong's API and hands the response to a handler, like
     * {@link #execute(ClassicHttpRequest, HttpClientResponseHandler)}. Before the request is written to its
     * connection, it waits for the limiter's spacing since the tenant's previous request.
     *
     * @throws TenantPausedException when a 429 paused the tenant before the request was written; the request was not
     *                               sent and its connection is closed
     */
    public <T> T execute(ClassicHttpRequest request, GongRateLimiter limiter, HttpClientResponseHandler<T> handler)
            throws IOException {
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(RATE_LIMITER, limiter);
        return client.execute(request, context, handler);
    }

    private static ClassicHttpResponse awaitSendTurn(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (scope.clientContext.getAttribute(RATE_LIMITER) instanceof GongRateLimiter limiter) {
            boolean mayWrite;
            try {
                mayWrite = limiter.awaitSendTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException(
                        "interrupted while waiting to send to Gong within the rate limit");
                interrupted.initCause(e);
                throw interrupted;
            }
            if (!mayWrite) {
                // HttpClient's connect step closes the connection for any exception, so none waits out the pause.
                throw new TenantPausedException();
            }
        }
        return chain.proceed(request, scope);
    }

    /**
     * Signals that a 429 paused the tenant after a request took its slot and connection, but before it was written.
     */
    public static final class TenantPausedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TenantPausedException() {
            super("a 429 paused the Gong tenant before the request was written", null, false, false);
        }
    }

    /**
     * Sends a request and returns the open response; the caller must close it to release the connection.
     */
    public ClassicHttpResponse open(ClassicHttpRequest request) throws IOException {
        return client.executeOpen(null, request, null);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static SSLContext sslContext(CamelContext camelContext, SSLContextParameters parameters) {
        try {
            return parameters.createSSLContext(camelContext);
        } catch (GeneralSecurityException | IOException e) {
            throw new RuntimeCamelException("Cannot create the SSL context for Gong from sslContextParameters", e);
        }
    }
}
