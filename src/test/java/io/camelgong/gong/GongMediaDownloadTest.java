package io.camelgong.gong;

import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelgong.gong.client.MediaInputStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GongMediaDownloadTest extends CamelTestSupport {

    private static final String CALL_ID = "1469047516138949485";
    private static final int LARGE_SIZE = 8 * 1024 * 1024;

    @TempDir
    Path tempDir;

    private WireMockServer gong;
    private WireMockServer media;
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicReference<String> digest = new AtomicReference<>();
    private final AtomicReference<Object> bodyInRoute = new AtomicReference<>();
    private final AtomicLong bodyArrivedAt = new AtomicLong();

    @BeforeEach
    void startServers() {
        gong = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        gong.start();
        media = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        media.start();
    }

    @AfterEach
    void stopServers() {
        gong.stop();
        media.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:download")
                        .toD("${header.gongUri}")
                        .process(exchange -> {
                            bodyArrivedAt.set(System.nanoTime());
                            Object body = exchange.getMessage().getBody();
                            bodyInRoute.set(body);
                            if (body instanceof InputStream content) {
                                consume(content);
                            }
                        });
            }
        };
    }

    private void consume(InputStream content) throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream counting = new CountingInputStream(content, bytesRead)) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = counting.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        digest.set(hex(sha.digest()));
    }

    private String uri(String options) {
        return "gong:call_audio/download?accessKey=key&accessKeySecret=secret&baseUrl=http://127.0.0.1:" + gong.port()
               + "&id=" + CALL_ID + options;
    }

    private Exchange download(String options) {
        return template.request("direct:download", e -> e.getMessage().setHeader("gongUri", uri(options)));
    }

    private String mediaUrl(String name) {
        return "http://127.0.0.1:" + media.port() + "/media/" + name + "?X-Amz-Expires=28800&X-Amz-Signature=abc";
    }

    private static String lookupAnswer(String requestId, String audioUrl) {
        return "{\"requestId\":\"" + requestId + "\",\"records\":{\"totalRecords\":1,\"currentPageSize\":1},"
               + "\"calls\":[{\"metaData\":{\"id\":\"" + CALL_ID + "\"},\"media\":{\"audioUrl\":\"" + audioUrl
               + "\",\"videoUrl\":null}}]}";
    }

    private void stubLookup(String audioUrl) {
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive"))
                .withRequestBody(equalToJson("{\"filter\":{\"callIds\":[\"" + CALL_ID + "\"]},"
                                             + "\"contentSelector\":{\"exposedFields\":{\"media\":true}}}"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(lookupAnswer("lookup-1", audioUrl))));
    }

    @Test
    void rangeRequestReturnsPartialContent() {
        stubLookup(mediaUrl("a.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/a.mp3")).withHeader("Range", equalTo("bytes=0-9"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Type", "audio/mpeg")
                        .withHeader("Content-Range", "bytes 0-9/100").withHeader("Content-Length", "10")
                        .withBody(new byte[10])));

        Exchange exchange = download("&range=bytes=0-9");

        assertThat(exchange.getException()).isNull();
        assertThat(bytesRead).hasValue(10);
        assertThat(exchange.getMessage().getHeader(GongConstants.CONTENT_RANGE)).isEqualTo("bytes 0-9/100");
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(10L);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("audio/mpeg");
        assertThat(exchange.getMessage().getHeader(GongConstants.REQUEST_ID)).isEqualTo("lookup-1");
        media.verify(getRequestedFor(urlPathEqualTo("/media/a.mp3")).withHeader("Range", equalTo("bytes=0-9")));
    }

    @Test
    void expiredUrlIsFetchedAgainOnce() {
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).inScenario("expiry")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(lookupAnswer("lookup-old", mediaUrl("old.mp3"))))
                .willSetStateTo("renewed"));
        gong.stubFor(post(urlPathEqualTo("/v2/calls/extensive")).inScenario("expiry")
                .whenScenarioStateIs("renewed")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(lookupAnswer("lookup-new", mediaUrl("new.mp3")))));
        media.stubFor(get(urlPathEqualTo("/media/old.mp3"))
                .willReturn(aResponse().withStatus(403).withBody("<Error><Code>AccessDenied</Code>"
                                                                 + "<Message>Request has expired</Message></Error>")));
        media.stubFor(get(urlPathEqualTo("/media/new.mp3"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(new byte[1234])));

        Exchange exchange = download("");

        assertThat(exchange.getException()).isNull();
        assertThat(bytesRead).hasValue(1234);
        assertThat(exchange.getMessage().getHeader(GongConstants.REQUEST_ID)).isEqualTo("lookup-new");
        gong.verify(2, postRequestedFor(urlPathEqualTo("/v2/calls/extensive")));
        media.verify(1, getRequestedFor(urlPathEqualTo("/media/old.mp3")));
        media.verify(1, getRequestedFor(urlPathEqualTo("/media/new.mp3")));
    }

    @Test
    void secondForbiddenResponseFails() {
        stubLookup(mediaUrl("denied.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/denied.mp3")).willReturn(aResponse().withStatus(403)));

        Exchange exchange = download("");

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class)
                .hasMessageContaining("403")
                .hasMessageContaining(CALL_ID);
        gong.verify(2, postRequestedFor(urlPathEqualTo("/v2/calls/extensive")));
        media.verify(2, getRequestedFor(urlPathEqualTo("/media/denied.mp3")));
    }

    @Test
    void mediaHostNeverReceivesAuthorization() {
        stubLookup(mediaUrl("old.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/old.mp3")).willReturn(aResponse().withStatus(403)));

        download("");

        gong.verify(2, postRequestedFor(urlPathEqualTo("/v2/calls/extensive"))
                .withHeader("Authorization", matching("Basic .+")));
        media.verify(2, anyRequestedFor(anyUrl()));
        media.verify(0, anyRequestedFor(anyUrl()).withHeader("Authorization", matching(".*")));
    }

    @Test
    void largeBodyStreamsThroughRoute() throws Exception {
        byte[] content = randomBytes(LARGE_SIZE);
        stubLookup(mediaUrl("large.mp4"));
        // The body arrives in 40 chunks over 2 seconds: a producer that buffered it would return after them.
        media.stubFor(get(urlPathEqualTo("/media/large.mp4"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(content)
                        .withChunkedDribbleDelay(40, 2000)));
        long start = System.nanoTime();

        Exchange exchange = download("");

        assertThat(exchange.getException()).isNull();
        assertThat(bodyInRoute.get()).isInstanceOf(MediaInputStream.class);
        assertThat(bodyArrivedAt.get() - start).as("nanoseconds until the route had the body")
                .isLessThan(1_500_000_000L);
        assertThat(bytesRead).hasValue(LARGE_SIZE);
        assertThat(digest.get()).isEqualTo(sha256(content));
    }

    @Test
    void largeBodyReachesProcessorAsStream() throws Exception {
        byte[] content = randomBytes(LARGE_SIZE);
        stubLookup(mediaUrl("large.mp4"));
        media.stubFor(get(urlPathEqualTo("/media/large.mp4"))
                .willReturn(aResponse().withHeader("Content-Type", "video/mp4")
                        .withHeader("Content-Length", String.valueOf(LARGE_SIZE)).withBody(content)));

        Exchange exchange = download("");

        assertThat(exchange.getException()).isNull();
        assertThat(bodyInRoute.get()).isInstanceOf(MediaInputStream.class);
        assertThat(context.getStreamCachingStrategy().isEnabled()).isTrue();
        assertThat(bytesRead).hasValue(LARGE_SIZE);
        assertThat(digest.get()).isEqualTo(sha256(content));
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo((long) LARGE_SIZE);
    }

    @Test
    void downloadFileWritesMediaToFile() throws Exception {
        byte[] content = randomBytes(3 * 1024 * 1024);
        stubLookup(mediaUrl("file.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/file.mp3"))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody(content)));
        String target = tempDir.resolve("calls").toString() + "/${header.callId}.mp3";

        Exchange exchange = template.request(uri("&downloadFile=" + target), e -> e.getMessage()
                .setHeader("callId", CALL_ID));

        assertThat(exchange.getException()).isNull();
        Path written = tempDir.resolve("calls").resolve(CALL_ID + ".mp3");
        assertThat(exchange.getMessage().getBody()).isEqualTo(written.toFile());
        assertThat(Files.readAllBytes(written)).isEqualTo(content);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo((long) content.length);
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("audio/mpeg");
        try (var files = Files.list(written.getParent())) {
            assertThat(files).containsExactly(written);
        }
    }

    @Test
    void downloadFileHeaderOverridesOption() {
        stubLookup(mediaUrl("file.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/file.mp3")).willReturn(aResponse().withBody(new byte[5])));
        Path fromHeader = tempDir.resolve("header.mp3");

        Exchange exchange = template.request(uri("&downloadFile=" + tempDir.resolve("option.mp3")),
                e -> e.getMessage().setHeader(GongConstants.DOWNLOAD_FILE, fromHeader.toString()));

        assertThat(exchange.getMessage().getBody(File.class)).isEqualTo(fromHeader.toFile());
        assertThat(fromHeader).hasSize(5);
        assertThat(tempDir.resolve("option.mp3")).doesNotExist();
    }

    @Test
    void failedDownloadLeavesNoFile() throws IOException {
        stubLookup(mediaUrl("broken.mp3"));
        media.stubFor(get(urlPathEqualTo("/media/broken.mp3"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        Path target = tempDir.resolve("broken.mp3");

        Exchange exchange = template.request(uri("&downloadFile=" + target), e -> {
        });

        assertThat(exchange.getException()).isInstanceOf(GongApiException.class)
                .hasMessageContaining("cannot write the download");
        assertThat(target).doesNotExist();
        try (var files = Files.list(tempDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void downloadFileOptionRejectedOnLists() {
        assertThatThrownBy(() -> context.getEndpoint(
                "gong:calls/list?accessKey=key&accessKeySecret=secret&downloadFile=/tmp/x"))
                .hasRootCauseInstanceOf(GongValidationException.class)
                .rootCause().hasMessageContaining("downloadFile");
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return hex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02x", b));
        }
        return text.toString();
    }

    /**
     * Counts the bytes read through it.
     */
    private static final class CountingInputStream extends FilterInputStream {

        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
