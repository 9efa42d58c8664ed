package io.camelgong.gong.client;

import io.camelgong.gong.catalog.GongRequest;

/**
 * Fetches one page of a Gong operation. Implementations talk to Gong directly or through a hosted connector API.
 */
@FunctionalInterface
public interface PageFetcher {

    /**
     * Sends the request and returns its page.
     *
     * @throws io.camelgong.gong.GongApiException when Gong answers with an error or an unreadable body
     */
    GongPage fetch(GongRequest request);
}
