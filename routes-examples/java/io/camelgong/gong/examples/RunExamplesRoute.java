package io.camelgong.gong.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Runs the example routes once, one after the other, so their output does not interleave, then starts the
 * new-call consumer.
 */
public class RunExamplesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:run-examples?repeatCount=1").routeId("run-examples")
                .to("direct:list-users")
                .to("direct:export-calls")
                .to("direct:activity-stats")
                .process(exchange -> exchange.getContext().getRouteController().startRoute("new-calls"));
    }
}
