package io.camelgong.gong;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Camel contexts, as two nodes, poll one Gong tenant through a route under a {@link ClusteredRoutePolicy} with
 * the file-lock cluster service, and share one state file.
 */
class GongConsumerClusterTest extends ConsumerTestSupport {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Test
    void standbyTakesOverWithoutRepeats() throws Exception {
        for (int i = 1; i <= 3; i++) {
            gong.addCall(String.valueOf(i), at(now.minus(Duration.ofMinutes(100 - i)), 0));
        }
        Node a = startNode("node-a");
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 3);
        Node b = startNode("node-b");
        gong.addCall("4", at(now.minus(Duration.ofMinutes(50)), 0));
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 4);

        a.context.stop();
        contexts.remove(a.context);
        gong.addCall("5", at(now.minus(Duration.ofMinutes(40)), 0));
        gong.addCall("6", at(now.minus(Duration.ofMinutes(55)), 0));
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 6);

        Node c = startNode("node-c");
        b.context.stop();
        contexts.remove(b.context);
        gong.addCall("7", at(now.minus(Duration.ofMinutes(30)), 0));
        await().atMost(20, TimeUnit.SECONDS).until(() -> received.size() >= 7);
        waitForPolls(3);

        assertThat(receivedIds()).containsExactlyInAnyOrder("1", "2", "3", "4", "5", "6", "7");
        assertThat(idsReceivedBy("node-a")).containsExactly("1", "2", "3", "4");
        assertThat(idsReceivedBy("node-b")).containsExactly("6", "5");
        assertThat(idsReceivedBy("node-c")).containsExactly("7");
        assertThat(c.context.getRouteController().getRouteStatus("gong-calls").isStarted()).isTrue();
    }

    private Node startNode(String name) throws Exception {
        FileLockClusterService clusterService = new FileLockClusterService();
        clusterService.setId(name);
        clusterService.setRoot(tempDir.resolve("cluster").toString());
        clusterService.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        clusterService.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);

        CamelContext context = new DefaultCamelContext();
        context.getCamelContextExtension().setName(name);
        context.getShutdownStrategy().setTimeout(10);
        context.addService(clusterService);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                from(uri("calls", "")).routeId("gong-calls")
                        .routePolicy(ClusteredRoutePolicy.forNamespace(clusterService, "gong-calls"))
                        .process(received::add);
            }
        });
        context.start();
        contexts.add(context);
        return new Node(context, clusterService);
    }

    private void waitForPolls(int polls) {
        int seen = server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size();
        await().atMost(10, TimeUnit.SECONDS)
                .until(() -> server.findAll(getRequestedFor(urlPathEqualTo("/v2/calls"))).size() >= seen + polls);
    }

    private List<String> idsReceivedBy(String name) {
        return received.stream()
                .filter(exchange -> name.equals(exchange.getContext().getName()))
                .map(exchange -> exchange.getMessage().getHeader(GongConstants.CALL_ID, String.class))
                .toList();
    }

    private record Node(CamelContext context, FileLockClusterService clusterService) {
    }
}
