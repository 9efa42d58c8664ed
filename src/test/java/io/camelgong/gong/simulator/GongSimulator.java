package io.camelgong.gong.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Simulator of the Gong API v2 on a WireMock server bound to 127.0.0.1. It computes every response from a mutable
 * {@link GongSimulatorData} set, so filters, paging and cursors behave as Gong's do, and it serves the media
 * files that {@code media.audioUrl} and {@code media.videoUrl} point to.
 *
 * <p>Every {@code /v2} request needs HTTP Basic with {@link #ACCESS_KEY} and {@link #ACCESS_KEY_SECRET}, or a
 * Bearer token passed to {@link #acceptBearerToken(String)}. Otherwise the response is 401 with Gong's error
 * body. Requests and their bodies are in the WireMock request journal of {@link #server()}.
 *
 * <p>The simulator's stubs have priority {@value #STUB_PRIORITY}, lower than WireMock's default of 5, so a stub
 * that a test adds to {@link #server()} (a 429, a fault) takes precedence for the requests it matches.
 *
 * <pre>{@code
 * try (GongSimulator gong = GongSimulator.start()) {
 *     String url = gong.baseUrl() + "/v2/users";   // send with GongSimulator.basicAuthorization()
 * }
 * }</pre>
 */
public final class GongSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GongSimulator.class);

    public static final String ACCESS_KEY = "sim-access-key";
    public static final String ACCESS_KEY_SECRET = "sim-access-key-secret";
    /** Port of {@link #main(String[])} when none is given. */
    public static final int DEFAULT_PORT = 8089;
    /** Records per page, as Gong's list endpoints return. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Age after which a cursor expires, counted from the first request of its sequence, about as at Gong. */
    public static final Duration DEFAULT_CURSOR_TTL = Duration.ofHours(1);
    /** Size in bytes of every simulated media file. */
    public static final int DEFAULT_MEDIA_SIZE = 64 * 1024;
    /** WireMock priority of the simulator's stubs: 1 is the highest, and 5 is the default of other stubs. */
    public static final int STUB_PRIORITY = 10;

    private static final String LOOPBACK = "127.0.0.1";

    private final WireMockServer server;
    private final GongSimulatorData data;
    private final SimulatorSettings settings;
    private final Authorizer authorizer = new Authorizer(ACCESS_KEY, ACCESS_KEY_SECRET);

    private GongSimulator(Builder builder) {
        this.data = builder.data != null ? builder.data : GongSimulatorData.demo();
        this.settings = builder.settings;
        WireMockConfiguration options = WireMockConfiguration.options()
                .bindAddress(LOOPBACK)
                .extensions(new GongApiTransformer(authorizer, data, settings), new MediaTransformer(data, settings))
                .gzipDisabled(true)
                .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)
                .notifier(new Slf4jNotifier(false));
        if (builder.port == 0) {
            options.dynamicPort();
        } else {
            options.port(builder.port);
        }
        if (builder.maxJournalEntries > 0) {
            options.maxRequestJournalEntries(builder.maxJournalEntries);
        }
        this.server = new WireMockServer(options);
    }

    // --- factories

    /** Starts a simulator with the demo data set on a free port. */
    public static GongSimulator start() {
        return builder().start();
    }

    /** Starts a simulator without any record on a free port. */
    public static GongSimulator empty() {
        return builder().data(GongSimulatorData.empty()).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    // --- lifecycle

    private GongSimulator startServer() {
        server.start();
        settings.baseUrl("http://" + LOOPBACK + ":" + server.port());
        server.stubFor(any(urlPathMatching("/v2/.*")).atPriority(STUB_PRIORITY)
                .willReturn(aResponse().withTransformers(GongApiTransformer.NAME)));
        server.stubFor(any(urlPathMatching("/media/.*")).atPriority(STUB_PRIORITY)
                .willReturn(aResponse().withTransformers(MediaTransformer.NAME)));
        LOG.info("Gong simulator started at {} with {} calls and {} users", baseUrl(), data.callCount(),
                data.userCount());
        return this;
    }

    /** Stops the WireMock server. */
    @Override
    public void close() {
        server.stop();
        LOG.info("Gong simulator at {} stopped", baseUrl());
    }

    /**
     * Runs a simulator with the demo data set until the process is ended. The only argument is the port,
     * {@value #DEFAULT_PORT} when absent.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? parsePort(args[0]) : DEFAULT_PORT;
        GongSimulator simulator = builder().port(port).maxJournalEntries(1000).start();
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "gong-simulator-stop"));
        System.out.println("Gong simulator running at " + simulator.baseUrl());
        System.out.println("Access key:        " + ACCESS_KEY);
        System.out.println("Access key secret: " + ACCESS_KEY_SECRET);
        System.out.println("Authorization:     " + basicAuthorization());
        System.out.println("Stop it with Ctrl+C.");
        new CountDownLatch(1).await();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new IllegalArgumentException("Port must be a number from 1 to 65535, but was '" + text + "'");
    }

    // --- behaviour

    /** Lets requests with {@code Authorization: Bearer token} through, as an OAuth token endpoint would. */
    public void acceptBearerToken(String token) {
        authorizer.acceptBearerToken(token);
    }

    /** Rejects a Bearer token from now on with 401 "access token has been revoked". */
    public void revokeBearerToken(String token) {
        authorizer.revokeBearerToken(token);
    }

    /** Sets the records per page of every list endpoint; it applies from the next request on. */
    public void setPageSize(int pageSize) {
        settings.pageSize(pageSize);
    }

    /** Sets the age at which a cursor expires; {@link Duration#ZERO} makes every cursor expired. */
    public void setCursorTtl(Duration ttl) {
        settings.cursorTtl(ttl);
    }

    /** Sets the clock that decides call visibility, cursor age and "today" for the stats endpoints. */
    public void setClock(Clock clock) {
        settings.clock(clock);
    }

    public void setMediaSize(int bytes) {
        settings.mediaSize(bytes);
    }

    // --- accessors

    /** Returns the base URL without a trailing slash, such as {@code http://127.0.0.1:8089}. */
    public String baseUrl() {
        return settings.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Returns the WireMock server, for its request journal, {@code verify} and extra stubs. */
    public WireMockServer server() {
        return server;
    }

    public GongSimulatorData data() {
        return data;
    }

    /** Returns the value of an {@code Authorization} header that the simulator accepts. */
    public static String basicAuthorization() {
        return Authorizer.basicHeader(ACCESS_KEY, ACCESS_KEY_SECRET);
    }

    /** Options of a simulator; every option has the default named on its constant in {@link GongSimulator}. */
    public static final class Builder {

        private final SimulatorSettings settings = new SimulatorSettings();
        private int port;
        private GongSimulatorData data;
        private int maxJournalEntries;

        private Builder() {
        }

        /** Sets the port; 0, the default, picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port must be from 0 to 65535, but was " + port);
            }
            this.port = port;
            return this;
        }

        /** Sets the data set; the default is {@link GongSimulatorData#demo()}. */
        public Builder data(GongSimulatorData dataSet) {
            this.data = dataSet;
            return this;
        }

        public Builder pageSize(int pageSize) {
            settings.pageSize(pageSize);
            return this;
        }

        public Builder cursorTtl(Duration ttl) {
            settings.cursorTtl(ttl);
            return this;
        }

        public Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        public Builder mediaSize(int bytes) {
            settings.mediaSize(bytes);
            return this;
        }

        /** Limits the WireMock request journal to this many requests; 0, the default, keeps all. */
        public Builder maxJournalEntries(int entries) {
            this.maxJournalEntries = entries;
            return this;
        }

        public GongSimulator start() {
            return new GongSimulator(this).startServer();
        }
    }
}
