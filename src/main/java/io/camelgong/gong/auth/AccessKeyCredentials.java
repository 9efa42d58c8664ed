package io.camelgong.gong.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * HTTP Basic authentication with a Gong access key and its secret.
 */
public final class AccessKeyCredentials implements GongCredentials {

    private final String authorization;
    private final String baseUrl;
    private final String identity;

    public AccessKeyCredentials(String accessKey, String accessKeySecret, String baseUrl) {
        String pair = accessKey + ":" + accessKeySecret;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        this.baseUrl = baseUrl;
        this.identity = "accessKey:" + fingerprint(accessKey);
    }

    @Override
    public String authorization() {
        return authorization;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String toString() {
        return "AccessKeyCredentials[" + identity + ", " + baseUrl + "]";
    }

    /**
     * Returns the first 12 hex digits of the SHA-256 of a secret: enough to tell credentials apart in logs and keys,
     * useless for recovering the secret.
     */
    public static String fingerprint(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
