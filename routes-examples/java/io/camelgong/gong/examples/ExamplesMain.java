package io.camelgong.gong.examples;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.apache.camel.main.Main;

import io.camelgong.gong.GongComponent;
import io.camelgong.gong.simulator.GongSimulator;

/**
 * Runs the example routes once and stops when they are idle. With GONG_ACCESS_KEY and GONG_ACCESS_KEY_SECRET set in
 * the environment the routes read the real Gong API; otherwise they read a Gong simulator started on loopback with
 * recorded Gong data. System properties such as {@code -Dgong.export.from=...} override the defaults.
 */
public final class ExamplesMain {

    private ExamplesMain() {
    }

    public static void main(String[] args) {
        try {
            runExamples(args);
        } catch (Exception e) {
            Throwable rootCause = e;
            while (rootCause.getCause() != null) {
                rootCause = rootCause.getCause();
            }
            System.err.println("The example routes failed: " + rootCause.getMessage());
            // exec:java would otherwise wait for Camel's threads before it reports the failure, which never comes
            System.exit(1);
        }
    }

    private static void runExamples(String[] args) throws Exception {
        String accessKey = System.getenv("GONG_ACCESS_KEY");
        String accessKeySecret = System.getenv("GONG_ACCESS_KEY_SECRET");
        boolean simulated = isBlank(accessKey) || isBlank(accessKeySecret);
        GongSimulator simulator = simulated ? GongSimulator.start() : null;
        try {
            GongComponent gong = new GongComponent();
            if (simulated) {
                System.out.println("No GONG_ACCESS_KEY/GONG_ACCESS_KEY_SECRET in the environment: reading the Gong"
                                   + " simulator at " + simulator.baseUrl());
                gong.getConfiguration().setBaseUrl(simulator.baseUrl());
                gong.getConfiguration().setAccessKey(GongSimulator.ACCESS_KEY);
                gong.getConfiguration().setAccessKeySecret(GongSimulator.ACCESS_KEY_SECRET);
                defaultProperty("gong.export.from", "2023-01-01T00:00:00-08:00");
                defaultProperty("gong.export.to", "2025-11-21T00:00:00-08:00");
                defaultProperty("gong.stats.from", "2024-11-01");
                defaultProperty("gong.stats.to", "2024-12-02");
                defaultProperty("gong.consumer.from", "2024-12-01T00:00:00Z");
            } else {
                System.out.println("Reading the Gong API with the access key from the environment");
                gong.getConfiguration().setAccessKey(accessKey);
                gong.getConfiguration().setAccessKeySecret(accessKeySecret);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
                defaultProperty("gong.export.from", now.minusDays(7).toString());
                defaultProperty("gong.export.to", now.toString());
                defaultProperty("gong.stats.from", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString());
                defaultProperty("gong.stats.to", LocalDate.now(ZoneOffset.UTC).toString());
                defaultProperty("gong.consumer.from", "PT24H");
            }
            defaultProperty("gong.export.directory", "target/gong-export");
            defaultProperty("gong.state.file", "target/gong-state.properties");
            run(gong, args);
        } finally {
            if (simulator != null) {
                simulator.close();
            }
        }
    }

    private static void run(GongComponent gong, String[] args) throws Exception {
        Main main = new Main();
        main.bind("gong", gong);
        main.configure().addRoutesBuilder(new RunExamplesRoute());
        main.configure().addRoutesBuilder(new ListUsersRoute());
        main.configure().addRoutesBuilder(new ExportCallsRoute());
        main.configure().addRoutesBuilder(new NewCallsRoute());
        main.configure().withRoutesIncludePattern("file:routes-examples/yaml/*.yaml");
        // The routes fire once; stop once nothing has been in flight for 8 seconds, which leaves the consumer time for
        // its first poll.
        main.configure().withDurationMaxIdleSeconds(8);
        main.run(args);
    }

    private static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
