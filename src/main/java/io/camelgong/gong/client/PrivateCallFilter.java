package io.camelgong.gong.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongAuthenticationException;
import io.camelgong.gong.GongPrivateCallException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.catalog.OperationKind;

/**
 * Withholds calls that Gong marks private, which apps using OAuth must not export. The one place this happens for
 * every operation that returns calls or their content:
 * <ul>
 * <li>calls/list and calls_extensive/list drop records whose {@code isPrivate} or {@code metaData.isPrivate} is
 * true;</li>
 * <li>calls/get raises {@link GongPrivateCallException} for a private call;</li>
 * <li>call_transcripts/list and library_folder_content/list carry no privacy flag, so the calls of each page are
 * looked up through calls/extensive by id (needs the scope api:calls:read:extensive, one request per 100 calls);
 * records whose call is private, or that the lookup does not return, are dropped;</li>
 * <li>in reject mode, used for the calls/extensive lookup of call_audio and call_video downloads, any private call
 * raises {@link GongPrivateCallException}.</li>
 * </ul>
 */
public final class PrivateCallFilter implements PageFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateCallFilter.class);
    private static final int LOOKUP_BATCH = 100;

    private final PageFetcher delegate;
    private final boolean reject;

    /**
     * @param delegate the fetcher that sends the requests, also used for the privacy lookups
     * @param reject   whether a private call raises {@link GongPrivateCallException} instead of being dropped
     */
    public PrivateCallFilter(PageFetcher delegate, boolean reject) {
        this.delegate = delegate;
        this.reject = reject;
    }

    @Override
    public GongPage fetch(GongRequest request) {
        GongPage page = delegate.fetch(request);
        GongOperation operation = request.operation();
        return switch (operation.name()) {
            case "calls/list", "calls/get" -> keepPublic(operation, page, "isPrivate");
            case "calls_extensive/list" -> keepPublic(operation, page, "metaData.isPrivate");
            case "call_transcripts/list" -> keepLookedUp(operation, page, "callId");
            case "library_folder_content/list" -> keepLookedUp(operation, page, "id");
            default -> page;
        };
    }

    private GongPage keepPublic(GongOperation operation, GongPage page, String flagPath) {
        String idPath = flagPath.contains(".") ? "metaData.id" : "id";
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> record : page.records()) {
            if (!Boolean.TRUE.equals(GongRequest.valueAt(record, flagPath))) {
                kept.add(record);
            } else if (reject || operation.kind() == OperationKind.GET) {
                String callId = String.valueOf(GongRequest.valueAt(record, idPath));
                throw new GongPrivateCallException(operation.name(), callId);
            }
        }
        return withRecords(operation, page, kept);
    }

    private GongPage keepLookedUp(GongOperation operation, GongPage page, String callIdField) {
        if (page.records().isEmpty()) {
            return page;
        }
        Set<String> callIds = new LinkedHashSet<>();
        for (Map<String, Object> record : page.records()) {
            Object callId = record.get(callIdField);
            if (callId != null) {
                callIds.add(callId.toString());
            }
        }
        Set<String> publicCalls = publicCalls(operation, callIds);
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> record : page.records()) {
            Object callId = record.get(callIdField);
            if (callId != null && publicCalls.contains(callId.toString())) {
                kept.add(record);
            }
        }
        return withRecords(operation, page, kept);
    }

    /**
     * Returns the ids among {@code callIds} that calls/extensive returns as not private.
     */
    private Set<String> publicCalls(GongOperation operation, Set<String> callIds) {
        GongOperation lookup = GongCatalog.operation("calls_extensive", "list");
        List<String> ids = new ArrayList<>(callIds);
        Set<String> publicCalls = new HashSet<>();
        for (int from = 0; from < ids.size(); from += LOOKUP_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + LOOKUP_BATCH));
            GongRequest request = GongRequest.of(lookup, Map.of("filter", Map.of("callIds", List.copyOf(batch))));
            try {
                new GongPager(delegate).forEachPage(request, page -> {
                    for (Map<String, Object> call : page.records()) {
                        Object id = GongRequest.valueAt(call, "metaData.id");
                        if (id != null && !Boolean.TRUE.equals(GongRequest.valueAt(call, "metaData.isPrivate"))) {
                            publicCalls.add(id.toString());
                        }
                    }
                });
            } catch (GongAuthenticationException e) {
                throw new GongAuthenticationException(operation.name(), e.getStatusCode(), e.getRequestId(),
                        e.getErrors(), "gong:" + operation.name() + " looks up the privacy of its calls through"
                                       + " calls/extensive, which failed: " + e.getMessage() + ". Grant the scope"
                                       + " api:calls:read:extensive, or set includePrivateCalls=true if your Gong app"
                                       + " is allowed to read private calls");
            }
        }
        return publicCalls;
    }

    private static GongPage withRecords(GongOperation operation, GongPage page, List<Map<String, Object>> kept) {
        int dropped = page.records().size() - kept.size();
        if (dropped == 0) {
            return page;
        }
        LOG.debug("Withheld {} private or unverified call record(s) of gong:{} [requestId {}]", dropped,
                operation.name(), page.requestId());
        return new GongPage(kept, page.nextCursor(), page.requestId(), page.totalRecords());
    }
}
