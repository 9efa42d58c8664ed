package io.camelgong.gong.consumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongValidationException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.client.GongPager;
import io.camelgong.gong.client.PageFetcher;

/**
 * Adds the calls/extensive record and the transcript to the new calls of one poll, asking Gong for up to 100 call ids
 * per request. A call whose transcript Gong does not return yet is held back for a bounded number of polls, then
 * delivered without it.
 */
public final class CallEnricher {

    /** The maximum number of records on one Gong page, and so the number of call ids per enrichment request. */
    public static final int BATCH_SIZE = 100;

    /** The body key of the calls/extensive record. */
    public static final String EXTENSIVE_KEY = "extensive";

    /** The body key of the transcript: the list of monologues of call_transcripts. */
    public static final String TRANSCRIPT_KEY = "transcript";

    private static final Logger LOG = LoggerFactory.getLogger(CallEnricher.class);

    private final PageFetcher fetcher;
    private final boolean extensive;
    private final boolean transcript;
    private final Map<String, Object> contentSelector;
    private final int transcriptMaxAttempts;
    private final Map<String, Integer> transcriptAttempts = new ConcurrentHashMap<>();

    /**
     * @param fetcher               sends the requests
     * @param extensive             whether to add the calls/extensive record
     * @param transcript            whether to add the transcript
     * @param contentSelector       the nested contentSelector of calls/extensive, see {@link #contentSelector(String)}
     * @param transcriptMaxAttempts the number of polls that ask for a call's transcript before the call is delivered
     *                              without it
     */
    public CallEnricher(PageFetcher fetcher, boolean extensive, boolean transcript, Map<String, Object> contentSelector,
                        int transcriptMaxAttempts) {
        this.fetcher = fetcher;
        this.extensive = extensive;
        this.transcript = transcript;
        this.contentSelector = contentSelector;
        this.transcriptMaxAttempts = transcriptMaxAttempts;
    }

    /**
     * Turns a comma list of exposed fields, such as {@code parties,content.topics,interaction.speakers}, into Gong's
     * nested {@code contentSelector.exposedFields} object, each field set to true.
     *
     * @throws GongValidationException naming a field that calls/extensive does not accept
     */
    public static Map<String, Object> contentSelector(String fields) {
        Map<String, Object> dotted = new LinkedHashMap<>();
        if (fields != null) {
            for (String field : fields.split(",")) {
                if (!field.isBlank()) {
                    dotted.put("contentSelector.exposedFields." + field.trim(), Boolean.TRUE);
                }
            }
        }
        GongOperation operation = GongCatalog.operation("calls_extensive", "list");
        try {
            Map<String, Object> resolved = GongParameters.resolve(operation, Map.of(), dotted);
            Object selector = resolved.get("contentSelector");
            return selector == null ? Map.of() : castMap(selector);
        } catch (GongValidationException e) {
            throw new GongValidationException(
                    "Invalid option contentSelector='" + fields + "': expected a comma list of calls/extensive exposed"
                                              + " fields such as parties,content.topics,interaction.speakers ("
                                              + e.getMessage() + ")");
        }
    }

    /**
     * Enriches the calls of one poll.
     *
     * @param  calls the new calls, oldest first
     * @return       the calls to deliver now, with their enriched bodies, and the calls held back
     */
    public Result enrich(List<FeedRecord> calls) {
        if (calls.isEmpty()) {
            return new Result(List.of(), List.of());
        }
        List<String> ids = calls.stream().map(FeedRecord::id).toList();
        Map<String, Map<String, Object>> extensiveById = extensive ? fetchExtensive(ids) : Map.of();
        Map<String, Object> transcriptById = transcript ? fetchTranscripts(ids) : Map.of();

        List<Delivery> ready = new ArrayList<>();
        List<FeedRecord> heldBack = new ArrayList<>();
        for (FeedRecord call : calls) {
            boolean missing = transcript && !transcriptById.containsKey(call.id());
            if (missing && attempt(call.id()) < transcriptMaxAttempts) {
                heldBack.add(call);
                continue;
            }
            transcriptAttempts.remove(call.id());
            Map<String, Object> body = new LinkedHashMap<>(call.data());
            if (extensiveById.containsKey(call.id())) {
                body.put(EXTENSIVE_KEY, extensiveById.get(call.id()));
            }
            if (transcript && !missing) {
                body.put(TRANSCRIPT_KEY, transcriptById.get(call.id()));
            }
            if (missing) {
                LOG.warn("Gong returned no transcript for call {} after {} attempts; delivering it without",
                        call.id(), transcriptMaxAttempts);
            }
            ready.add(new Delivery(call, body, missing));
        }
        return new Result(ready, heldBack);
    }

    /**
     * Forgets the attempt count of a call that will not be asked for again in this process.
     */
    public void forget(String callId) {
        transcriptAttempts.remove(callId);
    }

    private int attempt(String callId) {
        return transcriptAttempts.merge(callId, 1, Integer::sum);
    }

    private Map<String, Map<String, Object>> fetchExtensive(List<String> ids) {
        GongOperation operation = GongCatalog.operation("calls_extensive", "list");
        Map<String, Map<String, Object>> byId = new HashMap<>();
        for (List<String> batch : batches(ids)) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("filter", Map.of("callIds", batch));
            if (!contentSelector.isEmpty()) {
                params.put("contentSelector", contentSelector);
            }
            GongRequest request = GongRequest.of(operation, GongParameters.resolve(operation, Map.of(), params));
            new GongPager(fetcher).forEachPage(request, page -> page.records().forEach(record -> {
                Object metaData = record.get("metaData");
                Object id = metaData instanceof Map<?, ?> map ? map.get("id") : null;
                if (id != null) {
                    byId.put(id.toString(), record);
                }
            }));
        }
        return byId;
    }

    private Map<String, Object> fetchTranscripts(List<String> ids) {
        GongOperation operation = GongCatalog.operation("call_transcripts", "list");
        Map<String, Object> byId = new HashMap<>();
        for (List<String> batch : batches(ids)) {
            Map<String, Object> params = Map.of("filter", Map.of("callIds", batch));
            GongRequest request = GongRequest.of(operation, GongParameters.resolve(operation, Map.of(), params));
            new GongPager(fetcher).forEachPage(request, page -> page.records().forEach(record -> {
                Object callId = record.get("callId");
                if (callId != null) {
                    byId.put(callId.toString(), record.get("transcript"));
                }
            }));
        }
        return byId;
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += BATCH_SIZE) {
            batches.add(ids.subList(start, Math.min(ids.size(), start + BATCH_SIZE)));
        }
        return batches;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /**
     * A call ready to deliver.
     *
     * @param call              the call as listed
     * @param body              the call with the enrichment added
     * @param transcriptMissing whether the transcript was requested but Gong never returned it
     */
    public record Delivery(FeedRecord call, Map<String, Object> body, boolean transcriptMissing) {
    }

    /**
     * The outcome of one poll's enrichment.
     *
     * @param ready    the calls to deliver now, in the order given
     * @param heldBack the calls whose transcript is still awaited
     */
    public record Result(List<Delivery> ready, List<FeedRecord> heldBack) {
    }
}
