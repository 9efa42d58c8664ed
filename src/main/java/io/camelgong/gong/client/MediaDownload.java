package io.camelgong.gong.client;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.spi.Synchronization;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * An open media download: the body streams from the object store and is never held in memory whole.
 *
 * @param content       the media bytes as they arrive
 * @param contentType   the media type the object store reports
 * @param contentLength the length in bytes, or -1 when unknown
 * @param contentRange  the {@code Content-Range} of a partial answer, or {@code null}
 * @param requestId     Gong's requestId of the calls/extensive answer that gave the URL
 * @param response      the open HTTP response, closed when the exchange completes
 */
public record MediaDownload(
        InputStream content, String contentType, long contentLength, String contentRange, String requestId,
        ClassicHttpResponse response) {

    /**
     * Returns a completion callback that releases the connection once the route is done with the body.
     */
    public Synchronization closeOnCompletion() {
        return new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange exchange) {
                try {
                    response.close();
                } catch (IOException e) {
                    // the body was consumed or abandoned; the pool discards the connection either way
                }
            }
        };
    }
}
