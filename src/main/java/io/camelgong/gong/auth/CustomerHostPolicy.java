package io.camelgong.gong.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.camelgong.gong.GongAuthenticationException;

/**
 * Decides where OAuth requests go. Gong names the tenant's API host in each token response
 * ({@code api_base_url_for_customer}); since a forged or misrouted response could name any host, the bearer token is
 * sent only to https hosts under {@code gong.io}, to hosts listed in allowedHosts (plain http only for loopback
 * addresses), or to a baseUrl the user set.
 */
public final class CustomerHostPolicy {

    private final String explicitBaseUrl;
    private final String defaultBaseUrl;
    private final Set<String> allowedHosts;

    /**
     * @param explicitBaseUrl the baseUrl the user set, which wins over Gong's response, or {@code null}
     * @param defaultBaseUrl  the base URL to use before any token response named one
     * @param allowedHosts    further accepted host names, lower case
     */
    public CustomerHostPolicy(String explicitBaseUrl, String defaultBaseUrl, Set<String> allowedHosts) {
        this.explicitBaseUrl = explicitBaseUrl;
        this.defaultBaseUrl = defaultBaseUrl;
        this.allowedHosts = Set.copyOf(allowedHosts);
    }

    /**
     * Returns the base URL for requests, given the customer URL of the current token chain.
     *
     * @throws GongAuthenticationException when the customer URL names a host this policy does not accept
     */
    public String baseUrl(String customerBaseUrl) {
        if (explicitBaseUrl != null) {
            return explicitBaseUrl;
        }
        if (customerBaseUrl == null) {
            return defaultBaseUrl;
        }
        String reason = rejection(customerBaseUrl);
        if (reason != null) {
            throw new GongAuthenticationException("oauth/refresh", 0, null, List.of(),
                    "Gong's token response named api_base_url_for_customer '" + customerBaseUrl + "', which is "
                            + reason + "; no request was sent there. If the host is legitimate, add it to the"
                            + " allowedHosts option");
        }
        return customerBaseUrl.endsWith("/")
                ? customerBaseUrl.substring(0, customerBaseUrl.length() - 1) : customerBaseUrl;
    }

    private String rejection(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
            return "not a plain absolute URL";
        }
        boolean listed = allowedHosts.contains(host);
        if ("https".equals(scheme)) {
            return listed || isGongHost(host) ? null : "not a host under gong.io nor listed in allowedHosts";
        }
        if ("http".equals(scheme)) {
            return listed && isLoopback(host) ? null : "plain http to a host that is not a listed loopback address";
        }
        return "neither https nor http";
    }

    static boolean isGongHost(String host) {
        return "gong.io".equals(host) || host.endsWith(".gong.io");
    }

    /**
     * Tells whether a host is localhost or a loopback address literal, without a DNS lookup of names.
     */
    public static boolean isLoopback(String host) {
        if ("localhost".equalsIgnoreCase(host)) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
