package io.camelgong.gong.client;

import io.camelgong.gong.catalog.GongRequest;

/**
 * Opens the media download of a call_audio or call_video request, directly from Gong's media store or through a
 * hosted connector API.
 */
@FunctionalInterface
public interface MediaOpener {

    /**
     * Opens the download described by a call_audio or call_video request.
     *
     * @throws io.camelgong.gong.GongValidationException when the request does not name exactly one call
     * @throws io.camelgong.gong.GongApiException        when the media cannot be fetched
     */
    MediaDownload open(GongRequest download);
}
