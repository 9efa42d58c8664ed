package io.camelgong.gong.examples;

import java.util.List;
import java.util.Map;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

import io.camelgong.gong.GongConstants;

/**
 * Reads calls and searches users through Airbyte's hosted Gong connector (authMode=hosted): the Gong credentials stay
 * in Airbyte Cloud and the route holds only the Airbyte application's client id and secret.
 * <p>
 * The gong component carries airbyteClientId and airbyteClientSecret (set in {@link HostedExamplesMain}, or as
 * {@code camel.component.gong.airbyte-client-id} and {@code camel.component.gong.airbyte-client-secret} in
 * application.properties), so the URIs name only the workspace whose Gong connector to use. Properties:
 * {@code airbyte.workspace-name}, {@code gong.hosted.from} and {@code gong.hosted.to} (ISO-8601 date-times).
 * <p>
 * Run it with {@code mvn -q test-compile exec:java@hosted-examples}. {@link HostedExamplesMain} describes the
 * environment it reads.
 */
public class HostedCallsRoute extends RouteBuilder {

    // Under io.camelgong.gong.examples, so that the example runner's logging configuration shows it.
    private static final String LOG_NAME = "io.camelgong.gong.examples.hosted-calls";

    @Override
    public void configure() {
        from("direct:hosted-calls").routeId("hosted-calls")
                // Same URI as in open-source mode; authMode=hosted and workspaceName are the only differences.
                .to("gong:calls/list?authMode=hosted&workspaceName={{airbyte.workspace-name}}"
                    + "&fromDateTime={{gong.hosted.from}}&toDateTime={{gong.hosted.to}}")
                .setHeader("callCount", simple("${body.size}"))
                .log(LoggingLevel.INFO, LOG_NAME, "Airbyte returned ${header.callCount} calls in"
                                                  + " ${header.CamelGongPageCount} pages")
                // context_store_search exists only in hosted mode: it searches Airbyte's copy of the users.
                .setHeader(GongConstants.PARAMS, constant(Map.of(
                        "query", Map.of("filter", Map.of("eq", Map.of("active", true))),
                        "fields", List.of("id", "emailAddress"))))
                .to("gong:users/context_store_search?authMode=hosted&workspaceName={{airbyte.workspace-name}}")
                .log(LoggingLevel.INFO, LOG_NAME, "Airbyte's copy has ${body.size} active users");
    }
}
