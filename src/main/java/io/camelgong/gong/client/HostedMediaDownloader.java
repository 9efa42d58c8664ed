package io.camelgong.gong.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;

import io.camelgong.gong.GongApiException;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongRequest;
import io.camelgong.gong.hosted.AirbyteApi;

/**
 * Downloads a call's audio or video through Airbyte's connector API: the execute request of call_audio or call_video
 * returns the media bytes themselves, which are streamed to the route.
 * <p>
 * NOTE: that the execute response of a download is the raw media is seen in integrations that call the execute
 * endpoint directly for Airbyte downloads, and the Gong connector's documentation shows downloads returning a stream of
 * byte chunks. Airbyte's API reference does not describe it, so a response of type application/json is treated as a
 * failed download and reported with its text.
 */
public final class HostedMediaDownloader implements MediaOpener {

    private final AirbyteApi api;
    private final HostedPageFetcher fetcher;

    public HostedMediaDownloader(AirbyteApi api, HostedPageFetcher fetcher) {
        this.api = api;
        this.fetcher = fetcher;
    }

    @Override
    public MediaDownload open(GongRequest download) {
        GongOperation operation = download.operation();
        String callId = MediaDownloader.callId(download);
        ClassicHttpResponse response = api.postForStream(operation.name(), fetcher.executePath(operation.name()),
                executeBody(operation, callId, download.params().get("range_header")));
        HttpEntity entity = response.getEntity();
        String contentType = entity == null ? null : entity.getContentType();
        boolean json = contentType != null && contentType.startsWith(ContentType.APPLICATION_JSON.getMimeType());
        if (entity == null || json) {
            String text = entity == null ? "(empty)" : readText(entity);
            closeQuietly(response);
            throw new GongApiException(operation.name(), response.getCode(), null, List.of(),
                    "Airbyte returned no media for call " + callId + ": " + text);
        }
        try {
            Header contentRange = response.getFirstHeader(HttpHeaders.CONTENT_RANGE);
            return new MediaDownload(new MediaInputStream(entity.getContent()), contentType, entity.getContentLength(),
                    contentRange == null ? null : contentRange.getValue(), null, response);
        } catch (IOException e) {
            closeQuietly(response);
            throw new GongApiException(operation.name(), response.getCode(), null, List.of(),
                    "cannot read the media of call " + callId + " from Airbyte: " + e, e);
        }
    }

    private static Map<String, Object> executeBody(GongOperation operation, String callId, Object range) {
        // The reference connector takes the call in filter.callIds with media selected, and the Range as
        // range_header.
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("callIds", List.of(callId)));
        params.put("contentSelector", Map.of("exposedFields", Map.of("media", true)));
        if (range != null) {
            params.put("range_header", range.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entity", operation.entity());
        body.put("action", operation.action());
        body.put("params", params);
        return body;
    }

    private static String readText(HttpEntity entity) {
        try {
            byte[] bytes = entity.getContent().readNBytes(800);
            String text = new String(bytes, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            return text.length() > 200 ? text.substring(0, 200) + "..." : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // the error is already being reported
        }
    }
}
