package io.camelgong.gong.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * WireMock extension that serves the media files behind {@code media.audioUrl} and {@code media.videoUrl}:
 * {@code /media/{callId}/audio.mp3} and {@code /media/{callId}/video.mp4}.
 *
 * <p>It behaves like the pre-signed object-store URLs Gong hands out: no Gong credentials are needed, and a
 * request that carries an {@code Authorization} header gets status 400, as an object store rejects a second
 * authentication mechanism next to the signed query. A single {@code Range} of bytes gets status 206 with
 * {@code Content-Range}, and a range outside the file gets 416. The bytes are deterministic per call and file, and
 * every file has the configured media size. Errors have the XML body of an object store.
 */
final class MediaTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "gong-media";
    static final String AUDIO_FILE = "audio.mp3";
    static final String VIDEO_FILE = "video.mp4";

    private static final Pattern MEDIA_PATH = Pattern.compile("/media/(\\d{1,20})/(audio\\.mp3|video\\.mp4)");
    private static final Pattern SINGLE_RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final GongSimulatorData data;
    private final SimulatorSettings settings;

    MediaTransformer(GongSimulatorData data, SimulatorSettings settings) {
        this.data = data;
        this.settings = settings;
    }

    static String url(String baseUrl, String callId, String file) {
        return baseUrl + "/media/" + callId + "/" + file;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        String method = request.getMethod().getName();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
        if (request.containsHeader("Authorization")) {
            return error(400, "InvalidArgument", "Only one auth mechanism allowed; the URL is pre-signed, so the "
                    + "request must not carry an Authorization header.");
        }
        Matcher path = MEDIA_PATH.matcher(request.getUrl().split("\\?", 2)[0]);
        if (!path.matches() || !hasFile(path.group(1), path.group(2))) {
            return error(404, "NoSuchKey", "The specified key does not exist.");
        }
        return file(path.group(1), path.group(2), request.getHeader("Range"));
    }

    private boolean hasFile(String callId, String file) {
        return data.storedCall(callId)
                .map(call -> AUDIO_FILE.equals(file) || "Video".equals(Json.text(call.metaData(), "media")))
                .orElse(false);
    }

    private ResponseDefinition file(String callId, String file, String range) {
        int size = settings.mediaSize();
        long seed = (callId + "/" + file).hashCode();
        ResponseDefinitionBuilder response = new ResponseDefinitionBuilder()
                .withHeader("Content-Type", AUDIO_FILE.equals(file) ? "audio/mpeg" : "video/mp4")
                .withHeader("Accept-Ranges", "bytes")
                .withHeader("ETag", "\"" + Long.toHexString(seed) + "-" + size + "\"");
        Matcher single = range == null ? null : SINGLE_RANGE.matcher(range.trim());
        if (single == null || !single.matches() || (single.group(1).isEmpty() && single.group(2).isEmpty())) {
            // No range, or a form this server does not serve (several ranges): the whole file, as HTTP allows.
            return response.withStatus(200).withBody(bytes(seed, 0, size)).build();
        }
        long[] bounds = bounds(single.group(1), single.group(2), size);
        if (bounds == null) {
            return response.withStatus(416).withHeader("Content-Range", "bytes */" + size).build();
        }
        return response.withStatus(206)
                .withHeader("Content-Range", "bytes " + bounds[0] + "-" + bounds[1] + "/" + size)
                .withBody(bytes(seed, bounds[0], bounds[1] + 1))
                .build();
    }

    /** Returns the first and last byte of a range, or {@code null} when the range is not satisfiable. */
    private static long[] bounds(String first, String last, int size) {
        try {
            if (first.isEmpty()) {
                long suffix = Long.parseLong(last);
                return suffix == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
            }
            long start = Long.parseLong(first);
            long end = last.isEmpty() ? size - 1 : Math.min(Long.parseLong(last), size - 1);
            return start >= size || end < start ? null : new long[] {start, end};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns the bytes from {@code from} (inclusive) to {@code to} (exclusive) of a file's content. */
    static byte[] bytes(long seed, long from, long to) {
        byte[] bytes = new byte[(int) (to - from)];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = byteAt(seed, from + i);
        }
        return bytes;
    }

    /** Mixes seed and position with the SplitMix64 finalizer, so every byte depends only on both. */
    private static byte byteAt(long seed, long position) {
        long z = seed + (position + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (byte) (z ^ (z >>> 31));
    }

    private static ResponseDefinition error(int status, String code, String message) {
        String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody(body)
                .build();
    }
}
