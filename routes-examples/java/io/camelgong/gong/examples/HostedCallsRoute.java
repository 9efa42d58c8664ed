package io.camelgong.gong.examples;

import java.util.List;
import java.util.Map;

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
 * Run it with {@code mvn -q test-compile exec:java -Dexec.mainClass=io.camelgong.gong.examples.HostedExamplesMain
 * -Dexec.classpathScope=test}; see {@link HostedExamplesMain} for the environment it reads.
 */
public class HostedCallsRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:hosted-calls").routeId("hosted-calls")
                // Same URI as in open-source mode; authMode=hosted and workspaceName are the only differences.
                .to("gong:calls/list?authMode=hosted&workspaceName={{airbyte.workspace-name}}"
                    + "&fromDateTime={{gong.hosted.from}}&toDateTime={{gong.hosted.to}}")
                .log("Airbyte returned ${header.CamelGongTotalRecords} calls in ${header.CamelGongPageCount} pages")
                .setHeader("callCount", simple("${body.size}"))
                // context_store_search exists only in hosted mode: it searches Airbyte's copy of the users.
                .setHeader(GongConstants.PARAMS, constant(Map.of(
                        "query", Map.of("filter", Map.of("eq", Map.of("active", true))),
                        "fields", List.of("id", "emailAddress"))))
                .to("gong:users/context_store_search?authMode=hosted&workspaceName={{airbyte.workspace-name}}")
                .log("Active users in Airbyte's copy: ${body}");
    }
}
