package io.camelgong.gong.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

import io.camelgong.gong.GongConstants;

/**
 * Exports the calls of a date range with their transcripts to a JSON Lines file, one call per line. The window and
 * the target directory are the properties {@code gong.export.from}, {@code gong.export.to} and
 * {@code gong.export.directory}.
 */
public class ExportCallsRoute extends RouteBuilder {

    /** Gong accepts up to 100 call ids in one transcript request. */
    private static final int TRANSCRIPT_BATCH = 100;

    @Override
    public void configure() {
        from("direct:export-calls").routeId("export-calls")
                .setProperty("exportFile", simple("calls-${date:now:yyyyMMdd-HHmmss}.jsonl"))
                .to("gong:calls/list?fromDateTime={{gong.export.from}}&toDateTime={{gong.export.to}}")
                .log("Exporting ${header.CamelGongTotalRecords} calls started from {{gong.export.from}}"
                     + " to {{gong.export.to}}, read in ${header.CamelGongPageCount} pages")
                .split(simple("${collate(" + TRANSCRIPT_BATCH + ")}")).streaming()
                    .setProperty("calls", body())
                    .process(ExportCallsRoute::selectCallIds)
                    .to("gong:call_transcripts/list")
                    .process(ExportCallsRoute::attachTranscripts)
                    .split(body())
                        .marshal().json()
                        .transform(body().append("\n"))
                        .to("file:{{gong.export.directory}}?fileName=${exchangeProperty.exportFile}"
                            + "&fileExist=Append")
                    .end()
                    .log("  wrote ${body.size} calls,"
                         + " ${exchangeProperty.transcriptCount} with a transcript")
                .end()
                .log("Export written to {{gong.export.directory}}/${exchangeProperty.exportFile}");
    }

    private static void selectCallIds(Exchange exchange) {
        List<String> callIds = new ArrayList<>();
        for (Map<?, ?> call : calls(exchange)) {
            callIds.add((String) call.get("id"));
        }
        exchange.getMessage().setHeader(GongConstants.PARAMS, Map.of("filter", Map.of("callIds", callIds)));
    }

    @SuppressWarnings("unchecked")
    private static void attachTranscripts(Exchange exchange) {
        Map<Object, Object> transcriptByCall = new HashMap<>();
        List<Map<?, ?>> transcripts = exchange.getMessage().getBody(List.class);
        for (Map<?, ?> transcript : transcripts) {
            transcriptByCall.put(transcript.get("callId"), transcript.get("transcript"));
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<?, ?> call : calls(exchange)) {
            Map<String, Object> line = new LinkedHashMap<>((Map<String, Object>) call);
            line.put("transcript", transcriptByCall.get(call.get("id")));
            lines.add(line);
        }
        exchange.setProperty("transcriptCount", transcriptByCall.size());
        exchange.getMessage().setBody(lines);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> calls(Exchange exchange) {
        return exchange.getProperty("calls", List.class);
    }
}
