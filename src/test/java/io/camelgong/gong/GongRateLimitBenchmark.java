package io.camelgong.gong;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * Load benchmark of the client-side rate limiter: 8 routes of one Gong tenant call users/list as fast as they can
 * against a WireMock server that, like Gong, responds 429 (Retry-After: 1) to a tenant's 4th and later requests
 * within one clock second. It reports the 429 count once the limiter is warm and the rate of accepted requests.
 * Not part of the default test run (surefire runs *Test classes only); run it with
 * {@code mvn -B test -Dtest=GongRateLimitBenchmark -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class GongRateLimitBenchmark {

    private static final int ROUTES = 8;
    private static final int GONG_LIMIT_PER_SECOND = 3;
    private static final long WARM_UP_MILLIS = 2_000;
    private static final long RUN_MILLIS = Long.getLong("benchmark.runMillis", 30_000);
    private static final int RUNS = Integer.getInteger("benchmark.runs", 3);

    @Test
    void eightRoutesShareOneTenantLimit() throws Exception {
        List<RunResult> results = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            results.add(runOnce(run));
        }
        String report = report(results);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-rate-limit.txt"), report);
    }

    private RunResult runOnce(int run) throws Exception {
        PerSecondLimit limit = new PerSecondLimit(GONG_LIMIT_PER_SECOND);
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .extensions(limit));
        server.start();
        server.stubFor(get(urlPathEqualTo("/v2/users")).willReturn(okJson(
                "{\"requestId\":\"req-bench\",\"records\":{\"totalRecords\":1},\"users\":[{\"id\":\"1\"}]}")));
        CamelContext context = new DefaultCamelContext();
        try {
            GongComponent component = new GongComponent();
            component.getConfiguration().setAccessKey("BENCHKEY" + run);
            component.getConfiguration().setAccessKeySecret("bench-secret");
            context.addComponent("gong", component);
            context.addRoutes(routes(server.port()));
            context.start();
            return drive(context, limit);
        } finally {
            context.stop();
            server.stop();
        }
    }

    private static RouteBuilder routes(int port) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = 0; i < ROUTES; i++) {
                    // Distinct URIs, so each route has an endpoint of its own; all share the tenant's limiter.
                    from("direct:route" + i).to("gong:users/list?baseUrl=http://127.0.0.1:" + port
                                                + "&connectTimeout=" + (10_000 + i));
                }
            }
        };
    }

    private static RunResult drive(CamelContext context, PerSecondLimit limit) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(ROUTES);
        AtomicInteger exchanges = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long start = System.currentTimeMillis();
        long end = start + RUN_MILLIS;
        limit.warmAfter(start + WARM_UP_MILLIS);
        for (int i = 0; i < ROUTES; i++) {
            String route = "direct:route" + i;
            pool.submit(() -> {
                ProducerTemplate template = context.createProducerTemplate();
                while (System.currentTimeMillis() < end) {
                    try {
                        template.requestBody(route, null, List.class);
                        exchanges.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(RUN_MILLIS + 60_000, TimeUnit.MILLISECONDS);
        long warmStart = start + WARM_UP_MILLIS;
        long acceptedInWindow = limit.acceptedTimes.stream().filter(t -> t >= warmStart && t < end).count();
        double warmSeconds = (end - warmStart) / 1000.0;
        return new RunResult(limit.total.get(), limit.rejected.get(), limit.rejectedWarm.get(),
                acceptedInWindow / warmSeconds, maxInSlidingSecond(limit.acceptedTimes),
                overLimitInSlidingSecond(limit.acceptedTimes), exchanges.get(), failures.get());
    }

    // The accepted requests that a server counting in sliding one-second windows would have rejected: those with
    // GONG_LIMIT_PER_SECOND or more accepted requests in the preceding second.
    private static int overLimitInSlidingSecond(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int over = 0;
        for (int i = GONG_LIMIT_PER_SECOND; i < sorted.size(); i++) {
            if (sorted.get(i) - sorted.get(i - GONG_LIMIT_PER_SECOND) < 1000) {
                over++;
            }
        }
        return over;
    }

    // The most accepted requests in any one-second window, for servers that count in sliding windows.
    private static int maxInSlidingSecond(List<Long> times) {
        List<Long> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        int max = 0;
        int first = 0;
        for (int last = 0; last < sorted.size(); last++) {
            while (sorted.get(last) - sorted.get(first) >= 1000) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }

    private static String report(List<RunResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "rate limit benchmark: %d routes, one tenant, %d s per run, %d s warm-up,"
                                               + " server limit %d per clock second%n",
                ROUTES, RUN_MILLIS / 1000, WARM_UP_MILLIS / 1000, GONG_LIMIT_PER_SECOND));
        text.append("run | requests | 429 total | 429 after warm-up | accepted/s after warm-up"
                    + " | max in a sliding second | over limit in a sliding second | exchanges | failed\n");
        for (int i = 0; i < results.size(); i++) {
            RunResult r = results.get(i);
            text.append(String.format(Locale.ROOT, "%d | %d | %d | %d | %.2f | %d | %d | %d | %d%n", i + 1,
                    r.requests, r.rejected, r.rejectedWarm, r.acceptedPerSecond, r.maxSliding, r.overSliding,
                    r.exchanges, r.failures));
        }
        List<Double> rates = new ArrayList<>();
        List<Double> warm429 = new ArrayList<>();
        results.forEach(r -> {
            rates.add(r.acceptedPerSecond);
            warm429.add((double) r.rejectedWarm);
        });
        text.append(String.format(Locale.ROOT, "accepted/s min %.2f median %.2f max %.2f%n",
                Collections.min(rates), median(rates), Collections.max(rates)));
        text.append(String.format(Locale.ROOT, "429 after warm-up min %.0f median %.0f max %.0f%n",
                Collections.min(warm429), median(warm429), Collections.max(warm429)));
        return text.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private record RunResult(
            long requests, long rejected, long rejectedWarm, double acceptedPerSecond, int maxSliding,
            int overSliding, int exchanges, int failures) {
    }

    /**
     * Responds 429 with Retry-After: 1 to requests beyond a limit per clock second, and counts what it sees.
     */
    static final class PerSecondLimit implements ResponseDefinitionTransformerV2 {

        private final int limit;
        private final Map<Long, AtomicInteger> perSecond = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();
        private final AtomicLong rejected = new AtomicLong();
        private final AtomicLong rejectedWarm = new AtomicLong();
        private final List<Long> acceptedTimes = Collections.synchronizedList(new ArrayList<>());
        private volatile long warmAfterMillis = Long.MAX_VALUE;

        PerSecondLimit(int limit) {
            this.limit = limit;
        }

        void warmAfter(long epochMillis) {
            warmAfterMillis = epochMillis;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            long now = System.currentTimeMillis();
            boolean warm = now >= warmAfterMillis;
            total.incrementAndGet();
            int count = perSecond.computeIfAbsent(now / 1000, second -> new AtomicInteger()).incrementAndGet();
            if (count > limit) {
                rejected.incrementAndGet();
                if (warm) {
                    rejectedWarm.incrementAndGet();
                }
                return new ResponseDefinitionBuilder().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"requestId\":\"req-429\",\"errors\":[\"Too many requests\"]}").build();
            }
            acceptedTimes.add(now);
            return serveEvent.getResponseDefinition();
        }

        @Override
        public String getName() {
            return "per-second-limit";
        }
    }
}
