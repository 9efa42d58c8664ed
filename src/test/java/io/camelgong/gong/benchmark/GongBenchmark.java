package io.camelgong.gong.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;

import io.camelgong.gong.client.PageParseProbe;

/**
 * The camel-gong benchmark. It measures throughput and CPU per record against a hand-written camel-http route, a plain
 * Jackson parse and a loop on HttpClient 5 and Jackson without Camel. It also compares the page parser before and
 * after streaming, and measures rate-limit use, memory under -Xmx64m in a child JVM, and token refresh. All traffic
 * goes to a {@link BenchmarkServer} on 127.0.0.1.
 * <p>
 * Run: {@code mvn -q -B test-compile exec:java@benchmark}. BENCHMARKS.md lists the system properties that set the
 * sections, sizes and options.
 */
public final class GongBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NO_CAMEL = "HttpClient 5 + Jackson, no Camel";
    private static final String HTTP_ONLY = "HTTP exchanges only, bodies read and dropped";
    private static final String TOKENS_ONLY = "Jackson tokenizer only, no Map";
    private static final String AUTHORIZATION = "Basic "
                                                + Base64.getEncoder().encodeToString(
                                                        "benchmark:benchmark".getBytes(StandardCharsets.UTF_8));

    private final BenchmarkServer server;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final BaselineClients baseline;

    private GongBenchmark(BenchmarkServer server) throws Exception {
        this.server = server;
        this.baseline = new BaselineClients(MAPPER, server.baseUrl(), AUTHORIZATION);
        this.context = new DefaultCamelContext();
        context.addRoutes(routes(server.baseUrl(), unthrottledOptions(server.baseUrl())));
        context.start();
        this.template = context.createProducerTemplate();
    }

    /**
     * Returns the endpoint options that lift a client-side rate limit and daily request budget, when the endpoint
     * has them, so that the throughput and memory figures measure the client and not the limiter. The options are
     * detected by creating an endpoint, because branches without the rate limiter reject them as unknown.
     */
    static String unthrottledOptions(String baseUrl) throws Exception {
        String candidate = System.getProperty("benchmark.unthrottledOptions",
                "rateLimit=1000000&dailyRequestBudget=1000000000");
        try (CamelContext probe = new DefaultCamelContext()) {
            probe.start();
            probe.getEndpoint("gong:calls/list?accessKey=benchmark&accessKeySecret=benchmark&baseUrl=" + baseUrl + "&"
                              + candidate);
            return "&" + candidate;
        } catch (ResolveEndpointFailedException e) {
            return "";
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.configurationFile", "benchmark/log4j2-benchmark.properties");
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK, and
        // every page waits about 40 ms.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Set<String> sections = Set.of(System.getProperty("benchmark.sections",
                "throughput,parse,ratelimit,memory,token").split(","));
        printMachine();
        try (BenchmarkServer server = new BenchmarkServer(MAPPER)) {
            GongBenchmark benchmark = new GongBenchmark(server);
            try {
                if (sections.contains("throughput")) {
                    benchmark.throughput("calls/list", "direct:gong-calls", "direct:http-calls", false);
                    benchmark.throughput("calls_extensive/list", "direct:gong-extensive", "direct:http-extensive",
                            true);
                }
                if (sections.contains("parse")) {
                    parseBeforeAfter();
                }
                if (sections.contains("ratelimit")) {
                    benchmark.rateLimit();
                }
                if (sections.contains("memory")) {
                    memory(server);
                }
                if (sections.contains("token")) {
                    tokenRefresh(server);
                }
            } finally {
                benchmark.context.close();
                benchmark.baseline.close();
            }
        }
    }

    private static RouteBuilder routes(String baseUrl, String extraOptions) {
        String options = "accessKey=benchmark&accessKeySecret=benchmark&baseUrl=" + baseUrl + "&pagination=streaming"
                         + extraOptions;
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:gong-calls").to("gong:calls/list?" + options).process(GongBenchmark::countIterator);
                from("direct:gong-extensive").to("gong:calls_extensive/list?" + options)
                        .process(GongBenchmark::countIterator);

                // The baseline: what a user writes with camel-http and camel-jackson to page through Gong.
                from("direct:http-calls")
                        .setProperty("count", constant(0L))
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                            .setHeader("Authorization", constant(AUTHORIZATION))
                            .setHeader(Exchange.HTTP_QUERY, simple("${exchangeProperty.cursorQuery}"))
                            .setBody(constant(null))
                            .to(baseUrl + "/v2/calls")
                            .unmarshal().json(JsonLibrary.Jackson, Map.class)
                            .process(exchange -> countPage(exchange, true))
                        .end()
                        .setBody(exchangeProperty("count"));
                from("direct:http-extensive")
                        .setProperty("count", constant(0L))
                        .setProperty("more", constant(true))
                        .loopDoWhile(exchangeProperty("more").isEqualTo(true))
                            .removeHeaders("*")
                            .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                            .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                            .setHeader("Authorization", constant(AUTHORIZATION))
                            .process(GongBenchmark::extensiveRequestBody)
                            .marshal().json(JsonLibrary.Jackson)
                            .to(baseUrl + "/v2/calls/extensive")
                            .unmarshal().json(JsonLibrary.Jackson, Map.class)
                            .process(exchange -> countPage(exchange, false))
                        .end()
                        .setBody(exchangeProperty("count"));
            }
        };
    }

    private static void countIterator(Exchange exchange) {
        Iterator<?> records = exchange.getMessage().getBody(Iterator.class);
        long count = 0;
        while (records.hasNext()) {
            if (records.next() != null) {
                count++;
            }
        }
        exchange.getMessage().setBody(count);
    }

    private static void extensiveRequestBody(Exchange exchange) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("filter", Map.of());
        Object cursor = exchange.getProperty("cursor");
        if (cursor != null) {
            body.put("cursor", cursor);
        }
        exchange.getMessage().setBody(body);
    }

    private static void countPage(Exchange exchange, boolean queryCursor) {
        Map<?, ?> page = exchange.getMessage().getBody(Map.class);
        long count = exchange.getProperty("count", Long.class);
        for (Object record : (List<?>) page.get("calls")) {
            if (record != null) {
                count++;
            }
        }
        exchange.setProperty("count", count);
        Object cursor = ((Map<?, ?>) page.get("records")).get("cursor");
        exchange.setProperty("more", cursor != null);
        exchange.setProperty("cursor", cursor);
        exchange.setProperty("cursorQuery", cursor == null ? "" : "cursor=" + cursor);
    }

    /**
     * Pages through the records with camel-gong, the camel-http route and a plain Jackson parse of the same pages,
     * side by side in rounds, and prints the spread of each figure and of the ratios within a round.
     */
    private void throughput(String operation, String gongRoute, String httpRoute, boolean extensive) throws Exception {
        long records = Long.getLong("benchmark.records", 100_000);
        int runs = Integer.getInteger("benchmark.runs", 5);
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            pages.add(extensive ? server.extensivePageBytes(i) : server.callsPageBytes(i));
        }
        Map<String, Callable<Long>> contenders = new LinkedHashMap<>();
        contenders.put("camel-gong", () -> template.requestBody(gongRoute, null, Long.class));
        contenders.put("camel-http + camel-jackson", () -> template.requestBody(httpRoute, null, Long.class));
        contenders.put("plain Jackson parse", () -> parsePages(pages, records));
        contenders.put(NO_CAMEL, () -> baseline.readWithJackson(extensive));
        contenders.put(HTTP_ONLY, () -> baseline.readDiscarding(extensive, records));
        contenders.put(TOKENS_ONLY, () -> BaselineClients.tokenizeOnly(MAPPER, pages, records));

        server.totalRecords(Math.max(records / 5, BenchmarkServer.PAGE_SIZE));
        for (int i = 0; i < 3; i++) {
            for (Callable<Long> work : contenders.values()) {
                work.call();
            }
        }
        server.totalRecords(records);
        Map<String, List<Measurement>> results = new LinkedHashMap<>();
        contenders.keySet().forEach(name -> results.put(name, new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, Callable<Long>> contender : contenders.entrySet()) {
                Measurement measurement = Measurement.of(contender.getValue());
                if (measurement.records() != records) {
                    throw new IllegalStateException(contender.getKey() + " read " + measurement.records()
                                                    + " records, expected " + records);
                }
                results.get(contender.getKey()).add(measurement);
            }
        }
        printThroughput(operation, records, runs, results);
    }

    private static long parsePages(List<byte[]> pages, long records) throws Exception {
        long count = 0;
        for (long page = 0; count < records; page++) {
            Map<?, ?> answer = MAPPER.readValue(pages.get((int) (page % pages.size())), Map.class);
            for (Object record : (List<?>) answer.get("calls")) {
                if (record != null) {
                    count++;
                }
            }
        }
        return count;
    }

    private static void printThroughput(
            String operation, long records, int runs, Map<String, List<Measurement>> results) {
        System.out.printf("%n## Throughput: %s, %,d records, %d runs (min / median / max)%n", operation, records, runs);
        System.out.println("| contender | records/s | CPU µs/record | of which kernel | allocated bytes/record |");
        System.out.println("|---|---|---|---|---|");
        for (Map.Entry<String, List<Measurement>> entry : results.entrySet()) {
            List<Measurement> list = entry.getValue();
            System.out.printf("| %s | %s | %s | %s | %s |%n", entry.getKey(),
                    Measurement.spread(list.stream().map(Measurement::recordsPerSecond).toList(), "%,.0f"),
                    Measurement.spread(list.stream().map(Measurement::cpuMicrosPerRecord).toList(), "%.2f"),
                    Measurement.spread(list.stream().map(Measurement::kernelMicrosPerRecord).toList(), "%.2f"),
                    Measurement.spread(list.stream().map(Measurement::allocatedPerRecord).toList(), "%,.0f"));
        }
        List<Measurement> gong = results.get("camel-gong");
        List<Measurement> http = results.get("camel-http + camel-jackson");
        List<Measurement> plain = results.get("plain Jackson parse");
        List<Measurement> noCamel = results.get(NO_CAMEL);
        List<Measurement> httpOnly = results.get(HTTP_ONLY);
        List<Measurement> tokensOnly = results.get(TOKENS_ONLY);
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (int i = 0; i < gong.size(); i++) {
            double gongCpu = gong.get(i).cpuMicrosPerRecord();
            double plainCpu = plain.get(i).cpuMicrosPerRecord();
            addRatio(ratios, "camel-gong records/s ÷ camel-http records/s",
                    gong.get(i).recordsPerSecond() / http.get(i).recordsPerSecond());
            addRatio(ratios, "camel-gong CPU/record ÷ camel-http CPU/record",
                    gongCpu / http.get(i).cpuMicrosPerRecord());
            addRatio(ratios, "camel-gong CPU/record ÷ plain parse CPU/record", gongCpu / plainCpu);
            addRatio(ratios, "camel-gong CPU/record ÷ HttpClient 5 + Jackson CPU/record",
                    gongCpu / noCamel.get(i).cpuMicrosPerRecord());
            addRatio(ratios, "HTTP exchanges only CPU/record ÷ plain parse CPU/record",
                    httpOnly.get(i).cpuMicrosPerRecord() / plainCpu);
            addRatio(ratios, "tokenizer only CPU/record ÷ plain parse CPU/record",
                    tokensOnly.get(i).cpuMicrosPerRecord() / plainCpu);
        }
        System.out.println("| ratio within a round | min / median / max |");
        System.out.println("|---|---|");
        ratios.forEach((label, values) -> System.out.printf("| %s | %s |%n", label,
                Measurement.spread(values, "%.2f")));
    }

    private static void addRatio(Map<String, List<Double>> ratios, String label, double value) {
        ratios.computeIfAbsent(label, key -> new ArrayList<>()).add(value);
    }

    /**
     * Compares the buffered parse the client used before with the streaming page reader, on the recorded
     * calls_extensive page with content (100 calls with parties, trackers, topics and interaction stats).
     */
    private static void parseBeforeAfter() throws Exception {
        byte[] page = contentPage();
        int iterations = Integer.getInteger("benchmark.parseIterations", 200);
        int runs = Integer.getInteger("benchmark.runs", 5);
        for (int i = 0; i < iterations; i++) {
            PageParseProbe.parseBuffered(page);
            PageParseProbe.parseStreaming(page);
        }
        List<Measurement> buffered = new ArrayList<>();
        List<Measurement> streaming = new ArrayList<>();
        List<Measurement> plain = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        List<Double> cpuRatioPlain = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Measurement before = Measurement.of(() -> parseRepeatedly(page, iterations, true));
            Measurement after = Measurement.of(() -> parseRepeatedly(page, iterations, false));
            Measurement floor = Measurement.of(() -> parsePages(List.of(page), iterations * 100L) / 100);
            buffered.add(before);
            streaming.add(after);
            plain.add(floor);
            cpuRatio.add(after.cpuMicrosPerRecord() / before.cpuMicrosPerRecord());
            cpuRatioPlain.add(after.cpuMicrosPerRecord() / floor.cpuMicrosPerRecord());
        }

        System.out.printf("%n## Page parse before/after: calls_extensive page with content, %,d bytes, %d pages x %d"
                          + " runs%n", page.length, iterations, runs);
        System.out.println("| parser | CPU ms/page | allocated KB/page | body bytes held while parsing |");
        System.out.println("|---|---|---|---|");
        printParse("byte[] then Map (before)", buffered, page.length);
        printParse("streaming JsonParser (after)", streaming, PageParseProbe.keptPrefixBytes());
        printParse("plain Jackson parse of the byte[] (floor)", plain, page.length);
        System.out.printf("| CPU after ÷ before | %s | | |%n", Measurement.spread(cpuRatio, "%.2f"));
        System.out.printf("| CPU after ÷ floor | %s | | |%n", Measurement.spread(cpuRatioPlain, "%.2f"));
    }

    private static byte[] contentPage() throws Exception {
        String resource = "/recorded/calls_extensive_list_content_selector.json";
        try (var in = GongBenchmark.class.getResourceAsStream(resource)) {
            return MAPPER.writeValueAsBytes(MAPPER.readTree(in).get("response"));
        }
    }

    private static long parseRepeatedly(byte[] page, int iterations, boolean buffered) throws Exception {
        long records = 0;
        for (int i = 0; i < iterations; i++) {
            records += buffered ? PageParseProbe.parseBuffered(page) : PageParseProbe.parseStreaming(page);
        }
        // one "record" per page here, so the per-record figures read per page
        return records / 100;
    }

    private static void printParse(String name, List<Measurement> list, int held) {
        System.out.printf("| %s | %s | %s | %,d |%n", name,
                Measurement.spread(list.stream().map(m -> m.cpuMicrosPerRecord() / 1000).toList(), "%.2f"),
                Measurement.spread(list.stream().map(m -> m.allocatedPerRecord() / 1024).toList(), "%,.0f"),
                held);
    }

    /**
     * Runs a bulk export against a server that allows 3 requests per second, with {@code benchmark.rateLimitOptions}
     * and with the endpoint's default options, under a sliding and a fixed server window.
     */
    private void rateLimit() throws Exception {
        int pages = Integer.getInteger("benchmark.rateLimitPages", 45);
        String limiterOptions = System.getProperty("benchmark.rateLimitOptions", "rateLimit=3");
        server.totalRecords((long) pages * BenchmarkServer.PAGE_SIZE);
        String base = "gong:calls/list?accessKey=benchmark&accessKeySecret=benchmark&baseUrl=" + server.baseUrl()
                      + "&pagination=streaming";
        for (boolean fixed : new boolean[] {false, true}) {
            System.out.printf("%n## Rate-limit use: server allows 3 requests/s (%s window), export of %d pages%n",
                    fixed ? "fixed 1 s" : "sliding 1 s", pages);
            // Each export gets its own context, because a client-side limiter may be shared per tenant in a context.
            try (CamelContext limited = new DefaultCamelContext()) {
                limited.start();
                limited.getEndpoint(base + "&" + limiterOptions);
                exportOnce(limited, "with " + limiterOptions, base + "&" + limiterOptions, fixed);
            } catch (ResolveEndpointFailedException e) {
                System.out.println("with " + limiterOptions + ": pending, the endpoint does not take these options"
                                   + " yet (" + e.getCause().getClass().getSimpleName() + ")");
            }
            try (CamelContext plain = new DefaultCamelContext()) {
                plain.start();
                exportOnce(plain, "with the endpoint's default options", base, fixed);
            }
        }
        server.rateLimit(0, false);
    }

    private void exportOnce(CamelContext exportContext, String label, String uri, boolean fixedWindow)
            throws Exception {
        server.rateLimit(3, fixedWindow);
        Thread.sleep(1100);
        long start = System.nanoTime();
        String outcome;
        long records = 0;
        try (ProducerTemplate exportTemplate = exportContext.createProducerTemplate()) {
            Exchange exchange = exportTemplate.request(uri, e -> {
            });
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            Iterator<?> iterator = exchange.getMessage().getBody(Iterator.class);
            while (iterator.hasNext()) {
                iterator.next();
                records++;
            }
            outcome = "completed";
        } catch (Exception e) {
            outcome = "failed: " + e.getMessage();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = server.acceptedPerSecond();
        String use = "completed".equals(outcome)
                ? String.format("accepted requests/s %.2f = %.1f %% of the limit", perSecond, perSecond / 3 * 100)
                : "no rate figure for a failed export";
        System.out.printf("%s: %s after %,d records in %.1f s; %d requests, %d got 429; %s%n", label, outcome,
                records, seconds, server.requests(), server.rejected(), use);
    }

    /**
     * Sends 200 exchanges at once through an OAuth endpoint twice: first with no access token yet, then when the
     * access token has just expired. Each time every exchange needs a token at the same moment, and the figure is the
     * number of requests to the token endpoint.
     */
    private static void tokenRefresh(BenchmarkServer server) throws Exception {
        int exchanges = Integer.getInteger("benchmark.tokenExchanges", 200);
        // Tokens live 61 s and are renewed 60 s before they expire, so a token is due for renewal after 1 s.
        String oauthOptions = System.getProperty("benchmark.oauthOptions",
                "clientId=benchmark&clientSecret=benchmark&refreshToken=rt0&tokenRefreshSkew=60000&tokenUrl="
                                                                            + server.baseUrl()
                                                                            + "/oauth2/generate-customer-token");
        System.out.printf("%n## Token refresh: %d concurrent exchanges%n", exchanges);
        server.totalRecords(BenchmarkServer.PAGE_SIZE);
        server.tokenLifetime(61);
        String uri = "gong:calls/list?baseUrl=" + server.baseUrl() + "&pagination=single&" + oauthOptions
                     + unthrottledOptions(server.baseUrl());
        try (CamelContext oauth = new DefaultCamelContext()) {
            oauth.start();
            try {
                oauth.getEndpoint(uri);
            } catch (ResolveEndpointFailedException e) {
                System.out.println("pending: the endpoint does not take the OAuth options yet ("
                                   + e.getCause().getMessage() + ")");
                return;
            }
            try (ProducerTemplate oauthTemplate = oauth.createProducerTemplate()) {
                concurrentExchanges(server, oauthTemplate, uri, exchanges, "no access token yet");
                Thread.sleep(2500);
                concurrentExchanges(server, oauthTemplate, uri, exchanges, "access token expired");
            }
        } finally {
            server.tokenLifetime(3600);
        }
    }

    private static void concurrentExchanges(
            BenchmarkServer server, ProducerTemplate template, String uri, int exchanges, String label)
            throws Exception {
        long before = server.tokenRequests();
        ExecutorService pool = Executors.newFixedThreadPool(exchanges);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Exchange>> results = new ArrayList<>();
        try {
            for (int i = 0; i < exchanges; i++) {
                results.add(pool.submit(() -> {
                    gate.await();
                    return template.request(uri, e -> {
                    });
                }));
            }
            gate.countDown();
            int failed = 0;
            String firstFailure = null;
            for (Future<Exchange> result : results) {
                Exception failure = result.get().getException();
                if (failure != null) {
                    failed++;
                    firstFailure = firstFailure == null ? failure.getMessage() : firstFailure;
                }
            }
            System.out.printf("%s: token requests %d; exchanges failed %d of %d%s%n", label,
                    server.tokenRequests() - before, failed, exchanges,
                    firstFailure == null ? "" : " (first: " + firstFailure + ")");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the large jobs in child JVMs with -Xmx64m and prints their RESULT lines.
     */
    private static void memory(BenchmarkServer server) throws Exception {
        long memoryRecords = Long.getLong("benchmark.memoryRecords", 1_000_000);
        long mediaBytes = Long.getLong("benchmark.mediaBytes", 1L << 30);
        System.out.println("\n## Memory under -Xmx64m (child JVM)");
        server.totalRecords(memoryRecords);
        child(server, "records", memoryRecords, null);
        child(server, "list", memoryRecords, null);
        child(server, "media", mediaBytes, null);
        Path directory = Files.createTempDirectory("gong-benchmark");
        try {
            child(server, "file", mediaBytes, directory);
        } finally {
            Files.deleteIfExists(directory.resolve("media.bin"));
            Files.deleteIfExists(directory);
        }
    }

    private static void child(BenchmarkServer server, String mode, long amount, Path directory) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dlog4j2.configurationFile=benchmark/log4j2-benchmark.properties",
                "-Dbenchmark.extraOptions=" + unthrottledOptions(server.baseUrl()),
                "-cp", classPath(), MemoryProbe.class.getName(), server.baseUrl(), mode, Long.toString(amount)));
        if (directory != null) {
            command.add(directory.toString());
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = "no RESULT line";
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else if (line.contains("OutOfMemoryError") || line.contains("ERROR")) {
                    System.out.println("  child: " + line);
                }
            }
        }
        int exit = process.waitFor();
        System.out.printf("%s %,d: exit %d, %s%n", mode, amount, exit, result);
    }

    /**
     * Returns the class path of this run. Under exec:java the classes come from a URLClassLoader and java.class.path
     * names Maven's launcher, so the loader's URLs come first.
     */
    private static String classPath() throws Exception {
        ClassLoader loader = GongBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                entries.add(new File(url.toURI()).getPath());
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static void printMachine() {
        Runtime runtime = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        System.out.printf("# camel-gong benchmark%nmachine: %d cores, %.1f GiB memory, Java %s (%s), max heap %d MiB,"
                          + " load average %.2f%n", runtime.availableProcessors(), memory / (double) (1L << 30),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                runtime.maxMemory() >> 20, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
