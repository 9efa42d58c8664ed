package io.camelgong.gong.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * Emits each new Gong call once, with its transcript. The watermark and the delivered call ids are kept in the file
 * {@code gong.state.file}, so a second run delivers only calls that are new since the first. The route starts
 * stopped; {@link RunExamplesRoute} starts it after the other examples.
 */
public class NewCallsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("gong:calls?stateFile={{gong.state.file}}&initialFromDateTime={{gong.consumer.from}}"
             + "&enrich=transcript&delay=60000")
                .routeId("new-calls").autoStartup(false)
                .log("New call ${header.CamelGongCallId} started ${header.CamelGongCallStarted}: ${body[title]}"
                     + " (${body[transcript].size()} transcript monologues)");
    }
}
