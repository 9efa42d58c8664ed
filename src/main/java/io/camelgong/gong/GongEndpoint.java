package io.camelgong.gong;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

import io.camelgong.gong.auth.AccessKeyCredentials;
import io.camelgong.gong.auth.GongCredentials;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.OperationKind;
import io.camelgong.gong.client.GongApi;
import io.camelgong.gong.client.GongHttpClient;
import io.camelgong.gong.client.MediaDownloader;
import io.camelgong.gong.client.MediaInputStream;
import io.camelgong.gong.client.PageFetcher;

/**
 * Read users, calls, transcripts, stats, scorecards, trackers, library and coaching data from the Gong
 * revenue-intelligence API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gong", title = "Gong", syntax = "gong:entity/action",
             producerOnly = true, category = { Category.SAAS, Category.API }, headersClass = GongConstants.class)
public class GongEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** The pseudo entity whose operation comes from the CamelGongEntity and CamelGongAction headers. */
    public static final String EXECUTE = "execute";

    @UriPath(description = "The Gong entity, or execute to take the entity and action from the CamelGongEntity and"
                           + " CamelGongAction headers.",
             enums = "users,calls,calls_extensive,call_audio,call_video,workspaces,call_transcripts,"
                     + "stats_activity_aggregate,stats_activity_day_by_day,stats_interaction,settings_scorecards,"
                     + "settings_trackers,library_folders,library_folder_content,coaching,stats_activity_scorecards,"
                     + "execute")
    @Metadata(required = true)
    private String entity;
    @UriPath(description = "The action on the entity: list, get (users, calls) or download (call_audio, call_video).",
             enums = "list,get,download")
    private String action;
    @UriParam
    private GongConfiguration configuration;

    private GongOperation operation;
    private GongHttpClient httpClient;
    private PageFetcher pageFetcher;
    private MediaDownloader mediaDownloader;

    public GongEndpoint(String uri, GongComponent component, GongConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public Producer createProducer() throws Exception {
        return new GongProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        throw new UnsupportedOperationException(
                "gong:" + entity + " cannot start a route: the Gong component offers producers only, use to(\"gong:...\")");
    }

    /**
     * Checks the entity, the action and the options, so that a bad URI fails when the endpoint is created.
     *
     * @throws GongValidationException naming the value, what was expected and what to change
     */
    void validate() {
        if (!EXECUTE.equals(entity)) {
            operation = GongCatalog.operation(entity, action == null ? "" : action);
            GongParameters.checkOptions(operation, configuration.parameterOptions());
            validateDownloadFile();
        } else if (action != null) {
            throw new GongValidationException(
                    "Invalid Gong endpoint 'gong:execute/" + action + "': gong:execute takes no action in the URI;"
                                              + " set the CamelGongEntity and CamelGongAction headers instead");
        }
        validateAuthentication();
        validateBaseUrl(configuration.getBaseUrl(), "baseUrl");
        validatePositive(configuration.getConnectTimeout(), "connectTimeout");
        validatePositive(configuration.getReadTimeout(), "readTimeout");
        Integer proxyPort = configuration.getProxyPort();
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new GongValidationException(
                    "Invalid option proxyPort=" + proxyPort + ": expected a TCP port from 1 to 65535");
        }
    }

    private void validateDownloadFile() {
        if (configuration.getDownloadFile() != null && operation.kind() != OperationKind.DOWNLOAD) {
            throw new GongValidationException(
                    "Invalid option downloadFile for gong:" + operation.name() + ": only call_audio/download and"
                                              + " call_video/download write files; remove the option");
        }
    }

    private void validateAuthentication() {
        boolean hasKey = configuration.getAccessKey() != null;
        boolean hasSecret = configuration.getAccessKeySecret() != null;
        if (hasKey && !hasSecret || !hasKey && hasSecret) {
            throw new GongValidationException(
                    "Missing option '" + (hasKey ? "accessKeySecret" : "accessKey") + "' for Gong access-key"
                                              + " authentication: set both accessKey and accessKeySecret on the"
                                              + " endpoint or on the component (camel.component.gong.*)");
        }
        if (!hasKey) {
            throw new GongValidationException(
                    "Missing Gong credentials for " + getEndpointBaseUri() + ": set accessKey and accessKeySecret on"
                                              + " the endpoint or on the component (camel.component.gong.access-key,"
                                              + " camel.component.gong.access-key-secret)");
        }
    }

    static void validateBaseUrl(String url, String optionName) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected an absolute URL such as"
                                              + " https://api.gong.io");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !"https".equals(scheme) && !"http".equals(scheme)) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected an absolute https URL such as"
                                              + " https://api.gong.io");
        }
        if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': plain http would send credentials unencrypted;"
                                              + " use https (http is accepted only for loopback hosts such as a"
                                              + " local simulator)");
        }
        if (uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected the URL without a path or query,"
                                              + " e.g. https://api.gong.io (the component adds /v2/...)");
        }
    }

    private static boolean isLoopback(String host) {
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

    private static void validatePositive(long value, String optionName) {
        if (value <= 0) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "=" + value + ": expected a positive duration in milliseconds");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        httpClient = new GongHttpClient(getCamelContext(), configuration);
        pageFetcher = new GongApi(httpClient, createCredentials());
        mediaDownloader = new MediaDownloader(pageFetcher, httpClient);
        if (operation == null || operation.kind() == OperationKind.DOWNLOAD) {
            MediaInputStream.excludeFromStreamCaching(getCamelContext());
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (httpClient != null) {
            try {
                httpClient.close();
            } catch (IOException e) {
                // closing a pool of idle connections to Gong; nothing is lost if it fails
            }
            httpClient = null;
        }
        super.doStop();
    }

    private GongCredentials createCredentials() {
        return new AccessKeyCredentials(
                configuration.getAccessKey(), configuration.getAccessKeySecret(), stripSlash(configuration.getBaseUrl()));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    /**
     * Returns the operation of this endpoint, or {@code null} for gong:execute, whose operation comes per message.
     */
    public GongOperation getOperation() {
        return operation;
    }

    /**
     * Returns the configured state store, the file-backed one of stateFile, or {@code null} when neither is set.
     */
    public StateRepository<String, String> getStateRepository() {
        if (configuration.getStateRepository() != null) {
            return configuration.getStateRepository();
        }
        if (configuration.getStateFile() != null) {
            return ((GongComponent) getComponent()).fileStateRepository(configuration.getStateFile());
        }
        return null;
    }

    PageFetcher getPageFetcher() {
        return pageFetcher;
    }

    MediaDownloader getMediaDownloader() {
        return mediaDownloader;
    }

    public String getEntity() {
        return entity;
    }

    /**
     * The Gong entity, or execute.
     */
    public void setEntity(String entity) {
        this.entity = entity;
    }

    public String getAction() {
        return action;
    }

    /**
     * The action on the entity.
     */
    public void setAction(String action) {
        this.action = action;
    }

    public GongConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The endpoint's options.
     */
    public void setConfiguration(GongConfiguration configuration) {
        this.configuration = configuration;
    }
}
