package io.camelgong.gong.hosted;

import java.time.Duration;

/**
 * An Airbyte application token as the token endpoint returned it.
 *
 * @param accessToken the bearer token
 * @param expiresIn   its lifetime from {@code expires_in}, or {@code null} when the response had none
 */
public record AirbyteToken(String accessToken, Duration expiresIn) {

    @Override
    public String toString() {
        return "AirbyteToken[***, expiresIn=" + expiresIn + "]";
    }
}
