package io.camelgong.gong.benchmark;

import java.io.File;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Runs one large job in its own JVM, started by {@link GongBenchmark} with a small heap such as -Xmx64m, and prints
 * one RESULT line. Arguments: the server's base URL, then {@code records COUNT} (pagination=streaming),
 * {@code list COUNT} (pagination=all), {@code media BYTES} or {@code file BYTES DIRECTORY}.
 */
public final class MemoryProbe {

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        String baseUrl = args[0];
        String mode = args[1];
        long amount = Long.parseLong(args[2]);
        String options = "accessKey=benchmark&accessKeySecret=benchmark&baseUrl=" + baseUrl
                         + System.getProperty("benchmark.extraOptions", "");
        AtomicLong handled = new AtomicLong();
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:records")
                            .to("gong:calls/list?pagination=streaming&" + options)
                            .split(body()).streaming()
                            .process(exchange -> handled.incrementAndGet())
                            .end();
                    // For contrast: pagination=all collects every record in one List.
                    from("direct:list")
                            .to("gong:calls/list?pagination=all&" + options)
                            .process(exchange -> handled.addAndGet(exchange.getMessage().getBody(List.class).size()));
                    from("direct:media")
                            .to("gong:call_audio/download?id=" + amount + "&" + options)
                            .process(exchange -> handled.addAndGet(drain(exchange.getMessage()
                                    .getBody(InputStream.class))));
                    from("direct:file")
                            .to("gong:call_audio/download?id=" + amount + "&" + options + "&downloadFile="
                                + (args.length > 3 ? args[3] : "") + "/media.bin")
                            .process(exchange -> {
                                File file = exchange.getMessage().getBody(File.class);
                                handled.addAndGet(file.length());
                                Files.delete(file.toPath());
                            });
                }
            });
            context.start();
            resetPeaks();
            long start = System.nanoTime();
            String outcome = "completed";
            Exchange exchange = context.createProducerTemplate().send("direct:" + mode, e -> {
            });
            if (exchange.getException() != null) {
                outcome = exchange.getException().getClass().getSimpleName();
            }
            long wall = System.nanoTime() - start;
            System.out.printf("RESULT outcome=%s handled=%d seconds=%.1f peakHeap=%d maxHeap=%d%n", outcome,
                    handled.get(), wall / 1e9, peakHeap(), Runtime.getRuntime().maxMemory());
        } catch (OutOfMemoryError e) {
            System.out.println("RESULT outcome=OutOfMemoryError handled=" + handled.get());
            System.exit(1);
        }
    }

    private static long drain(InputStream content) throws Exception {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (content) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
            }
        }
        return total;
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /**
     * Returns the sum of the heap pools' peak usage. Pools peak at different moments, so the sum is an upper bound of
     * the heap in use at any one time.
     */
    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
