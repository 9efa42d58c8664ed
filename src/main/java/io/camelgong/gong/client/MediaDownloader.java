package io.camelgong.gong.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.GongValidationException;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;

/**
 * Downloads a call's audio or video: requests the pre-signed media URL from calls/extensive, then fetches that URL
 * without Gong's credentials, because the URL carries its own signature.
 */
public final class MediaDownloader implements MediaOpener {

    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloader.class);

    private final PageFetcher fetcher;
    private final GongHttpClient httpClient;

    public MediaDownloader(PageFetcher fetcher, GongHttpClient httpClient) {
        this.fetcher = fetcher;
        this.httpClient = httpClient;
    }

    /**
     * Opens the download described by a call_audio or call_video request.
     *
     * @throws GongValidationException when the request does not name exactly one call
     * @throws GongApiException        when the call has no such media or the object store responds with an error
     */
    @Override
    public MediaDownload open(GongRequest download) {
        GongOperation operation = download.operation();
        String callId = callId(download);
        Object range = download.params().get("range_header");
        GongPage page = lookup(callId);
        ClassicHttpResponse response = get(operation, callId, page, range);
        if (response.getCode() == 403) {
            // Pre-signed media URLs expire 8 hours after Gong issued them, and the object store then responds with 403.
            // A URL read just now cannot have expired, so one fresh lookup is enough.
            closeQuietly(response);
            LOG.debug("The media store answered 403 for call {}; fetching a fresh media URL once", callId);
            page = lookup(callId);
            response = get(operation, callId, page, range);
        }
        int status = response.getCode();
        if (status != 200 && status != 206) {
            closeQuietly(response);
            throw new GongApiException(operation.name(), status, page.requestId(), List.of(),
                    "the media store refused the download of call " + callId);
        }
        try {
            HttpEntity entity = response.getEntity();
            Header contentRange = response.getFirstHeader(HttpHeaders.CONTENT_RANGE);
            return new MediaDownload(new MediaInputStream(entity.getContent()), entity.getContentType(),
                    entity.getContentLength(),
                    contentRange == null ? null : contentRange.getValue(), page.requestId(), response);
        } catch (IOException e) {
            closeQuietly(response);
            throw new GongApiException(operation.name(), status, page.requestId(), List.of(),
                    "cannot read the media of call " + callId + ": " + e, e);
        }
    }

    private GongPage lookup(String callId) {
        GongRequest lookup = GongRequest.of(GongCatalog.operation("calls_extensive", "list"), Map.of(
                "filter", Map.of("callIds", List.of(callId)),
                "contentSelector", Map.of("exposedFields", Map.of("media", true))));
        return fetcher.fetch(lookup);
    }

    /**
     * Sends the GET for the media URL of a lookup page. It carries no Authorization header, because the pre-signed
     * URL authenticates itself and Gong's credentials must not reach the object store.
     */
    private ClassicHttpResponse get(GongOperation operation, String callId, GongPage page, Object range) {
        HttpGet get = new HttpGet(mediaUrl(operation, callId, page));
        if (range != null) {
            get.setHeader(HttpHeaders.RANGE, range.toString());
        }
        try {
            return httpClient.open(get);
        } catch (IOException e) {
            throw new GongApiException(operation.name(), 0, page.requestId(), List.of(),
                    "no answer from the media store for call " + callId + ": " + e, e);
        }
    }

    static String callId(GongRequest download) {
        Object id = download.params().get("id");
        Object callIds = GongRequest.valueAt(download.params(), "filter.callIds");
        if (id != null && callIds != null) {
            throw new GongValidationException(
                    "Invalid parameters for gong:" + download.operation().name()
                                              + ": give the call either as 'id' or as 'filter.callIds', not both");
        }
        if (callIds instanceof List<?> list) {
            if (list.size() != 1) {
                throw new GongValidationException(
                        "Invalid parameter 'filter.callIds' for gong:" + download.operation().name() + ": expected"
                                                  + " exactly one call id, got " + list.size()
                                                  + "; download one call per exchange (split the list first)");
            }
            return list.get(0).toString();
        }
        if (id == null) {
            throw new GongValidationException(
                    "Missing required parameter 'id' for gong:" + download.operation().name() + ": expected the"
                                              + " numeric id of the call to download. Set the endpoint option 'id'"
                                              + " or the entry 'id' of the CamelGongParams header (or Map body).");
        }
        return id.toString();
    }

    @SuppressWarnings("unchecked")
    private static String mediaUrl(GongOperation operation, String callId, GongPage page) {
        if (page.records().isEmpty()) {
            throw new GongApiException(operation.name(), 404, page.requestId(), List.of(),
                    "call " + callId + " was not found");
        }
        Object media = page.records().get(0).get("media");
        Object url = media instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(operation.mediaUrlField()) : null;
        if (url == null) {
            throw new GongApiException(operation.name(), 404, page.requestId(), List.of(),
                    "call " + callId + " has no " + operation.mediaUrlField() + "; the call may have no such"
                                                                                + " recording, or the credentials"
                                                                                + " lack the scope"
                                                                                + " api:calls:read:media-url");
        }
        return url.toString();
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the error is already being reported
        }
    }
}
