package io.camelgong.gong.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Gong-shaped HTTP server on 127.0.0.1 for the benchmark. It serves pre-rendered pages of 100 recorded calls and
 * renders only the small paging object per request, so the server costs little CPU next to the client under test.
 * Records are never stored: page n of a run of N records is the same recorded page with its own cursor.
 */
final class BenchmarkServer implements AutoCloseable {

    static final int PAGE_SIZE = 100;
    private static final Pattern BODY_CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*\"p(\\d+)\"");
    private static final Pattern QUERY_CURSOR = Pattern.compile("(?:^|&)cursor=p(\\d+)");
    private static final byte[] MEDIA_CHUNK = new byte[64 * 1024];

    private final HttpServer server;
    private final ExecutorService executor;
    private final Page callsPage;
    private final Page extensivePage;

    private volatile long totalRecords = 100_000;
    private volatile int rateLimitPerSecond;
    private boolean fixedWindow;
    private long limitSetAt;
    private final Deque<Long> acceptedTimes = new ArrayDeque<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile long firstAccepted;
    private volatile long lastAccepted;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong tokenGeneration = new AtomicLong();
    private String currentRefreshToken = "rt0";
    private volatile long tokenLifetimeSeconds = 3600;

    BenchmarkServer(ObjectMapper mapper) throws IOException {
        callsPage = Page.load(mapper, "/recorded/calls_list_november.json");
        extensivePage = Page.load(mapper, "/recorded/calls_extensive_list.json");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "benchmark-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/v2/calls", this::handle);
        server.createContext("/media/", this::media);
        server.createContext("/oauth2/generate-customer-token", this::token);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Sets the number of records a list request pages through. */
    void totalRecords(long total) {
        this.totalRecords = total;
    }

    /**
     * Sets the requests per second above which the server responds 429, or 0 for no limit. A sliding window counts
     * the requests of the last 1,000 ms; a fixed window counts those of each whole second since this call.
     */
    void rateLimit(int perSecond, boolean fixed) {
        synchronized (acceptedTimes) {
            this.rateLimitPerSecond = perSecond;
            this.fixedWindow = fixed;
            this.limitSetAt = System.nanoTime();
            acceptedTimes.clear();
        }
        requests.set(0);
        rejected.set(0);
        accepted.set(0);
    }

    /**
     * Returns the accepted requests per second between the first and the last accepted request since the last
     * {@link #rateLimit(int, boolean)} call.
     */
    double acceptedPerSecond() {
        long count = accepted.get();
        if (count < 2) {
            return 0;
        }
        return (count - 1) / ((lastAccepted - firstAccepted) / 1e9);
    }

    long requests() {
        return requests.get();
    }

    long rejected() {
        return rejected.get();
    }

    byte[] callsPageBytes(long pageNumber) {
        return callsPage.render(pageNumber, totalRecords);
    }

    byte[] extensivePageBytes(long pageNumber) {
        return extensivePage.render(pageNumber, totalRecords);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!admit()) {
                rejected.incrementAndGet();
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 429, "{\"requestId\":\"limited\",\"errors\":[\"API rate limit exceeded\"]}"
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            long now = System.nanoTime();
            if (accepted.getAndIncrement() == 0) {
                firstAccepted = now;
            }
            lastAccepted = now;
            String path = exchange.getRequestURI().getPath();
            if ("/v2/calls".equals(path) && "GET".equals(exchange.getRequestMethod())) {
                String query = exchange.getRequestURI().getRawQuery();
                send(exchange, 200, callsPage.render(pageNumber(query == null ? "" : query, QUERY_CURSOR),
                        totalRecords));
            } else if ("/v2/calls/extensive".equals(path) && "POST".equals(exchange.getRequestMethod())) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (body.contains("\"callIds\"")) {
                    send(exchange, 200, mediaLookup(body));
                } else {
                    send(exchange, 200, extensivePage.render(pageNumber(body, BODY_CURSOR), totalRecords));
                }
            } else {
                send(exchange, 404, "{\"errors\":[\"not found\"]}".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Returns the response to a media URL lookup. The requested call id is the size in bytes of the media file.
     */
    private byte[] mediaLookup(String body) {
        Matcher id = Pattern.compile("\"callIds\"\\s*:\\s*\\[\\s*\"(\\d+)\"").matcher(body);
        String size = id.find() ? id.group(1) : "0";
        String json = "{\"requestId\":\"media\",\"records\":{\"totalRecords\":1,\"currentPageSize\":1},\"calls\":["
                      + "{\"metaData\":{\"id\":\"" + size + "\"},\"media\":{\"audioUrl\":\"" + baseUrl() + "/media/"
                      + size + ".mp3?X-Amz-Expires=28800\",\"videoUrl\":null}}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Streams a generated media file of the size named in the path, without holding it.
     */
    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/media/".length());
            long size = Long.parseLong(name.substring(0, name.indexOf('.')));
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, size);
            try (OutputStream out = exchange.getResponseBody()) {
                long left = size;
                while (left > 0) {
                    int n = (int) Math.min(left, MEDIA_CHUNK.length);
                    out.write(MEDIA_CHUNK, 0, n);
                    left -= n;
                }
            }
        }
    }

    /** Sets the expires_in of the access tokens the token endpoint issues. */
    void tokenLifetime(long seconds) {
        this.tokenLifetimeSeconds = seconds;
    }

    long tokenRequests() {
        return tokenRequests.get();
    }

    /**
     * Handles a refresh grant like Gong's token endpoint: every refresh token works once, and the response carries
     * the next one. A spent token gets 400 invalid_grant.
     */
    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            tokenRequests.incrementAndGet();
            String query = exchange.getRequestURI().getRawQuery();
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String grant = (query == null ? "" : query) + "&" + form;
            Matcher presented = Pattern.compile("(?:^|&)refresh_token=([^&]*)").matcher(grant);
            synchronized (this) {
                if (!presented.find() || !presented.group(1).equals(currentRefreshToken)) {
                    send(exchange, 400, "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                long generation = tokenGeneration.incrementAndGet();
                currentRefreshToken = "rt" + generation;
                String json = "{\"access_token\":\"at" + generation + "\",\"refresh_token\":\"" + currentRefreshToken
                              + "\",\"token_type\":\"bearer\",\"expires_in\":" + tokenLifetimeSeconds
                              + ",\"scope\":\"api:calls:read:basic\","
                              + "\"api_base_url_for_customer\":\"" + baseUrl() + "\"}";
                send(exchange, 200, json.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private boolean admit() {
        int limit = rateLimitPerSecond;
        if (limit <= 0) {
            return true;
        }
        synchronized (acceptedTimes) {
            long now = System.nanoTime();
            if (fixedWindow) {
                // Counts per whole second since the limit was set, instead of over the last 1,000 ms.
                long windowStart = limitSetAt + (now - limitSetAt) / 1_000_000_000L * 1_000_000_000L;
                while (!acceptedTimes.isEmpty() && acceptedTimes.peekFirst() < windowStart) {
                    acceptedTimes.removeFirst();
                }
            }
            while (!acceptedTimes.isEmpty() && now - acceptedTimes.peekFirst() >= 1_000_000_000L) {
                acceptedTimes.removeFirst();
            }
            if (acceptedTimes.size() >= limit) {
                return false;
            }
            acceptedTimes.addLast(now);
            return true;
        }
    }

    private static long pageNumber(String text, Pattern cursor) {
        Matcher matcher = cursor.matcher(text);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * A recorded page split around its paging object, so each request renders only that object.
     */
    private record Page(byte[] head, byte[] tail, int size) {

        static Page load(ObjectMapper mapper, String resource) throws IOException {
            JsonNode response;
            try (InputStream in = BenchmarkServer.class.getResourceAsStream(resource)) {
                response = mapper.readTree(in).get("response");
            }
            ObjectNode withMarker = ((ObjectNode) response.deepCopy());
            withMarker.put("records", "@@PAGING@@");
            String json = mapper.writeValueAsString(withMarker);
            int marker = json.indexOf("\"@@PAGING@@\"");
            int size = response.get("calls").size();
            return new Page(json.substring(0, marker).getBytes(StandardCharsets.UTF_8),
                    json.substring(marker + "\"@@PAGING@@\"".length()).getBytes(StandardCharsets.UTF_8), size);
        }

        byte[] render(long pageNumber, long totalRecords) {
            long nextStart = (pageNumber + 1) * size;
            String paging = "{\"totalRecords\":" + totalRecords + ",\"currentPageSize\":" + size
                            + ",\"currentPageNumber\":" + pageNumber
                            + (nextStart < totalRecords ? ",\"cursor\":\"p" + (pageNumber + 1) + "\"" : "") + "}";
            byte[] middle = paging.getBytes(StandardCharsets.UTF_8);
            byte[] page = new byte[head.length + middle.length + tail.length];
            System.arraycopy(head, 0, page, 0, head.length);
            System.arraycopy(middle, 0, page, head.length, middle.length);
            System.arraycopy(tail, 0, page, head.length + middle.length, tail.length);
            return page;
        }
    }
}
