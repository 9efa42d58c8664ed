package io.camelgong.gong;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A WireMock transformer that serves calls/list, calls/extensive, calls/transcript and stats/activity/scorecards from
 * a mutable list of calls,
 * so calls can appear over time. calls/list filters by fromDateTime (inclusive) and toDateTime (exclusive) on the
 * call's start, pages with a cursor, and responds 404 "No calls found" for an empty window, as Gong does. Call records
 * have the shape of a recorded calls/list answer.
 */
final class FakeGongCalls implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, Map<String, Object>> calls = new ConcurrentHashMap<>();
    private final Set<String> transcriptsReady = ConcurrentHashMap.newKeySet();
    private final Set<String> corrupted = ConcurrentHashMap.newKeySet();
    private final List<List<String>> extensiveCallIds = new CopyOnWriteArrayList<>();
    private final List<List<String>> transcriptCallIds = new CopyOnWriteArrayList<>();
    private final Map<String, Object> callTemplate;
    private volatile int pageSize = 100;
    private final AtomicInteger listFailures = new AtomicInteger();

    FakeGongCalls() {
        this.callTemplate = firstCallOfRecording();
    }

    @Override
    public String getName() {
        return "fake-gong-calls";
    }

    /**
     * Makes a call visible, with its transcript ready.
     */
    void addCall(String id, String started) {
        Map<String, Object> call = new LinkedHashMap<>(callTemplate);
        call.put("id", id);
        call.put("url", "https://us-21351.app.gong.io/call?id=" + id);
        call.put("scheduled", started);
        call.put("started", started);
        calls.put(id, call);
        transcriptsReady.add(id);
    }

    /**
     * Replaces a call's start with text that is not a date-time, while the call stays listed in every window.
     */
    void corruptStart(String id) {
        corrupted.add(id);
    }

    /**
     * Marks a call private, as Gong does with isPrivate.
     */
    void makePrivate(String id) {
        calls.get(id).put("isPrivate", Boolean.TRUE);
    }

    void removeTranscript(String id) {
        transcriptsReady.remove(id);
    }

    /**
     * Makes the next calls/list requests fail with HTTP 500.
     */
    void failNextLists(int count) {
        listFailures.set(count);
    }

    void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    /**
     * Returns the callIds of every calls/extensive request, in order.
     */
    List<List<String>> extensiveCallIds() {
        return extensiveCallIds;
    }

    /**
     * Returns the callIds of every calls/transcript request, in order.
     */
    List<List<String>> transcriptCallIds() {
        return transcriptCallIds;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        if (stubbed.getFault() != null || stubbed.getStatus() != 200 || stubbed.getFixedDelayMilliseconds() != null) {
            // a stub a test added to inject a fault, a status or a delay responds as stubbed
            return stubbed;
        }
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?")[0];
        if ("GET".equals(request.getMethod().getName()) && "/v2/calls".equals(path)) {
            return listCalls(request);
        }
        if ("/v2/calls/extensive".equals(path)) {
            return extensive(body(request));
        }
        if ("/v2/calls/transcript".equals(path)) {
            return transcripts(body(request));
        }
        if ("/v2/stats/activity/scorecards".equals(path)) {
            return scorecards(body(request));
        }
        // anything else, such as an OAuth token endpoint, gets the response of its own stub
        return serveEvent.getResponseDefinition();
    }

    private ResponseDefinition listCalls(Request request) {
        if (listFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            return json(500, Map.of("requestId", "fake500", "errors", List.of("Internal error")));
        }
        Instant from = OffsetDateTime.parse(request.queryParameter("fromDateTime").firstValue()).toInstant();
        Instant to = OffsetDateTime.parse(request.queryParameter("toDateTime").firstValue()).toInstant();
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> call : calls.values()) {
            Instant started = OffsetDateTime.parse((String) call.get("started")).toInstant();
            if (!started.isBefore(from) && started.isBefore(to) && !corrupted.contains((String) call.get("id"))) {
                matching.add(call);
            }
        }
        if (matching.isEmpty()) {
            return json(404, Map.of("requestId", "fakeempty",
                    "errors", List.of("No calls found corresponding to the provided filters")));
        }

        // Gong's order within a page is not documented; newest first makes the consumer's own sorting matter.
        matching.sort(Comparator.comparing(
                (Map<String, Object> call) -> OffsetDateTime.parse((String) call.get("started")).toInstant())
                .reversed());
        for (String id : corrupted) {
            Map<String, Object> call = new LinkedHashMap<>(calls.get(id));
            call.put("started", "yesterday");
            matching.add(call);
        }

        int offset = request.queryParameter("cursor").isPresent()
                ? Integer.parseInt(request.queryParameter("cursor").firstValue().substring("page-".length())) : 0;
        int end = Math.min(matching.size(), offset + pageSize);
        Map<String, Object> records = new LinkedHashMap<>();
        records.put("totalRecords", matching.size());
        records.put("currentPageSize", end - offset);
        records.put("currentPageNumber", offset / pageSize);
        if (end < matching.size()) {
            records.put("cursor", "page-" + end);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", "fakelist" + offset);
        answer.put("records", records);
        answer.put("calls", matching.subList(offset, end));
        return json(200, answer);
    }

    private ResponseDefinition extensive(Map<String, Object> body) {
        List<String> ids = callIds(body);
        extensiveCallIds.add(ids);
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : ids) {
            Map<String, Object> call = calls.get(id);
            if (call != null) {
                records.add(Map.of("metaData", call, "parties", List.of()));
            }
        }
        return page("calls", records);
    }

    private ResponseDefinition transcripts(Map<String, Object> body) {
        List<String> ids = callIds(body);
        if (ids.isEmpty()) {
            ids = idsInWindow(body);
        } else {
            transcriptCallIds.add(ids);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : ids) {
            if (transcriptsReady.contains(id)) {
                records.add(Map.of("callId", id, "transcript", List.of(Map.of("speakerId", "675640467902493497",
                        "topic", "Intro", "sentences", List.of(Map.of("start", 0, "end", 8300, "text", "Hello."))))));
            }
        }
        return page("callTranscripts", records);
    }

    /**
     * Returns one answered scorecard per visible call in the window, selected by the call's start time.
     */
    private ResponseDefinition scorecards(Map<String, Object> body) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String id : idsInWindow(body)) {
            Map<String, Object> scorecard = new LinkedHashMap<>();
            scorecard.put("answeredScorecardId", Long.parseLong(id) + 900_000L);
            scorecard.put("scorecardId", 6843152929075440037L);
            scorecard.put("scorecardName", "Discovery Call");
            scorecard.put("callId", Long.parseLong(id));
            scorecard.put("callStartTime", calls.get(id).get("started"));
            scorecard.put("reviewedUserId", 841697149643495318L);
            records.add(scorecard);
        }
        return page("answeredScorecards", records);
    }

    @SuppressWarnings("unchecked")
    private List<String> idsInWindow(Map<String, Object> body) {
        Map<String, Object> filter = (Map<String, Object>) body.get("filter");
        Instant from = OffsetDateTime.parse((String) filter.get("fromDateTime")).toInstant();
        Instant to = OffsetDateTime.parse((String) filter.get("toDateTime")).toInstant();
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> call : calls.values()) {
            Instant started = OffsetDateTime.parse((String) call.get("started")).toInstant();
            if (!started.isBefore(from) && started.isBefore(to)) {
                ids.add((String) call.get("id"));
            }
        }
        return ids;
    }

    private ResponseDefinition page(String field, List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            return json(404, Map.of("requestId", "fakeempty",
                    "errors", List.of("No calls found corresponding to the provided filters")));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("requestId", "fake" + field);
        answer.put("records", Map.of("totalRecords", records.size(), "currentPageSize", records.size(),
                "currentPageNumber", 0));
        answer.put(field, records);
        return json(200, answer);
    }

    @SuppressWarnings("unchecked")
    private static List<String> callIds(Map<String, Object> body) {
        Map<String, Object> filter = (Map<String, Object>) body.get("filter");
        return filter == null || filter.get("callIds") == null ? List.of() : (List<String>) filter.get("callIds");
    }

    private static Map<String, Object> body(Request request) {
        try {
            return MAPPER.readValue(request.getBodyAsString(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinition json(int status, Object body) {
        try {
            return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(MAPPER.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstCallOfRecording() {
        try (InputStream in = FakeGongCalls.class.getResourceAsStream("/recorded/calls_list.json")) {
            Map<String, Object> recording = MAPPER.readValue(in, new TypeReference<>() {
            });
            Map<String, Object> response = (Map<String, Object>) recording.get("response");
            return (Map<String, Object>) ((List<Object>) response.get("calls")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
