package io.camelgong.gong;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;

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
import org.apache.camel.support.ScheduledPollEndpoint;

import io.camelgong.gong.auth.CustomerHostPolicy;
import io.camelgong.gong.auth.GongCredentials;
import io.camelgong.gong.catalog.GongCatalog;
import io.camelgong.gong.catalog.GongOperation;
import io.camelgong.gong.catalog.GongParameters;
import io.camelgong.gong.catalog.OperationKind;
import io.camelgong.gong.client.GongApi;
import io.camelgong.gong.client.GongCallStatus;
import io.camelgong.gong.client.GongHttpClient;
import io.camelgong.gong.client.GongRateLimiter;
import io.camelgong.gong.client.GongRetryPolicy;
import io.camelgong.gong.client.HostedMediaDownloader;
import io.camelgong.gong.client.HostedPageFetcher;
import io.camelgong.gong.client.MediaDownloader;
import io.camelgong.gong.client.MediaInputStream;
import io.camelgong.gong.client.MediaOpener;
import io.camelgong.gong.client.PageFetcher;
import io.camelgong.gong.consumer.GongFeed;
import io.camelgong.gong.hosted.AirbyteApi;
import io.camelgong.gong.hosted.AirbyteTokenCache;
import io.camelgong.gong.hosted.ConnectorAction;
import io.camelgong.gong.hosted.HostedConnectors;
import io.camelgong.gong.hosted.HostedSettings;
import io.camelgong.gong.hosted.HostedValidation;

/**
 * Read users, calls, transcripts, stats, scorecards, trackers, library and coaching data from the Gong
 * revenue-intelligence API.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "gong", title = "Gong", syntax = "gong:entity/action",
             category = { Category.SAAS, Category.API }, headersClass = GongConstants.class)
public class GongEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The pseudo entity whose operation comes from the CamelGongEntity and CamelGongAction headers. */
    public static final String EXECUTE = "execute";

    /** The consumers' default poll delay: 5 minutes, or 288 polls a day against Gong's 10,000 requests per company. */
    static final long DEFAULT_CONSUMER_DELAY = 300_000L;
    // A rate below one request every 17 minutes is a typing mistake rather than a limit. Bucket4j refills at most one
    // token per nanosecond, which bounds the daily budget.
    private static final double MIN_RATE_LIMIT = 0.001;
    private static final long MAX_DAILY_REQUEST_BUDGET = 86_400_000_000_000L;

    @UriPath(description = "The Gong entity, or execute to take the entity and action from the CamelGongEntity and"
                           + " CamelGongAction headers.",
             enums = "users,calls,calls_extensive,call_audio,call_video,workspaces,call_transcripts,"
                     + "stats_activity_aggregate,stats_activity_day_by_day,stats_interaction,settings_scorecards,"
                     + "settings_trackers,library_folders,library_folder_content,coaching,stats_activity_scorecards,"
                     + "execute,connectors")
    @Metadata(required = true)
    private String entity;
    @UriPath(description = "The action on the entity: list, get (users, calls), download (call_audio, call_video) or"
                           + " context_store_search (hosted mode only: users, calls, calls_extensive,"
                           + " settings_scorecards, stats_activity_scorecards). On gong:connectors: create, list,"
                           + " delete or oauth_initiate. A consumer URI has no action: gong:calls,"
                           + " gong:call_transcripts or gong:stats_activity_scorecards.",
             enums = "list,get,download,context_store_search,create,delete,oauth_initiate")
    private String action;
    @UriParam
    private GongConfiguration configuration;

    private GongOperation operation;
    private GongHttpClient httpClient;
    private PageFetcher pageFetcher;
    private MediaOpener mediaDownloader;
    private final GongCallStatus callStatus = new GongCallStatus();
    private GongAuthMode authMode;
    private GongCredentials credentials;
    private Clock consumerClock = Clock.systemUTC();
    private AirbyteApi airbyteApi;
    private HostedConnectors hostedConnectors;

    public GongEndpoint(String uri, GongComponent component, GongConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        setDelay(DEFAULT_CONSUMER_DELAY);
    }

    @Override
    public Producer createProducer() throws Exception {
        if (isConnectorAdmin()) {
            return new GongConnectorsProducer(this);
        }
        if (operation == null && !EXECUTE.equals(entity)) {
            throw new GongValidationException(
                    "Invalid producer endpoint 'gong:" + entity + "': gong:" + entity + " without an action is a"
                                              + " consumer; to send, name the action, e.g. gong:" + entity + "/list");
        }
        return new GongProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        GongFeed feed = GongFeed.of(entity);
        if (feed == null) {
            throw new GongValidationException(
                    "Invalid consumer endpoint 'gong:" + entity + (action != null ? "/" + action : "") + "': Gong"
                                              + " offers consumers only for " + GongFeed.entities() + ", whose"
                                              + " records are selected by call start time and have a stable id;"
                                              + " use gong:" + entity + "/... as a producer instead");
        }
        if (action != null) {
            throw new GongValidationException(
                    "Invalid consumer endpoint 'gong:" + entity + "/" + action + "': a consumer URI has no action;"
                                              + " use from(\"gong:" + entity + "\")");
        }
        GongConsumer consumer = new GongConsumer(this, processor, feed, consumerClock);
        configureConsumer(consumer);
        return consumer;
    }

    /**
     * Checks the entity, the action and the options, so that a bad URI fails when the endpoint is created.
     *
     * @throws GongValidationException naming the value, what was expected and what to change
     */
    void validate() {
        if (isConnectorAdmin()) {
            ConnectorAction.of(action);
        } else if (action == null && GongFeed.of(entity) != null) {
            validateConsumer(GongFeed.of(entity));
        } else if (action == null && !EXECUTE.equals(entity) && !GongCatalog.actions(entity).isEmpty()) {
            throw new GongValidationException(
                    "Invalid Gong endpoint 'gong:" + entity + "': missing action. To send, name the action, e.g. gong:"
                                              + entity + "/" + GongCatalog.exampleAction(entity)
                                              + "; a consumer (a URI without an action) exists only for "
                                              + GongFeed.entities());
        } else if (!EXECUTE.equals(entity)) {
            operation = GongCatalog.operation(entity, action == null ? "" : action);
            GongParameters.checkOptions(operation, configuration.parameterOptions());
            validateDownloadFile();
        } else if (action != null) {
            throw new GongValidationException(
                    "Invalid Gong endpoint 'gong:execute/" + action + "': gong:execute takes no action in the URI;"
                                              + " set the CamelGongEntity and CamelGongAction headers instead");
        } else {
            GongParameters.checkOptionValues(configuration.parameterOptions());
        }
        if (isConnectorAdmin() || isHosted()) {
            authMode = GongAuthMode.hosted;
            HostedValidation.validate(configuration, operation, isConnectorAdmin());
            validateBaseUrl(configuration.getAirbyteApiUrl(), "airbyteApiUrl", "https://api.airbyte.ai");
        } else {
            HostedValidation.rejectHostedOnly(operation);
            validateAuthentication();
        }
        validateBaseUrl(configuration.getBaseUrl(), "baseUrl");
        validatePositive(configuration.getConnectTimeout(), "connectTimeout");
        validatePositive(configuration.getReadTimeout(), "readTimeout");
        validateResilience();
        Integer proxyPort = configuration.getProxyPort();
        if (proxyPort != null && (proxyPort < 1 || proxyPort > 65535)) {
            throw new GongValidationException(
                    "Invalid option proxyPort=" + proxyPort + ": expected a TCP port from 1 to 65535");
        }
    }

    private void validateConsumer(GongFeed feed) {
        if (isHosted()) {
            // NOTE: the consumer keys its state by the Gong credential, which hosted mode does not have here.
            throw new GongValidationException(
                    "Invalid consumer endpoint 'gong:" + entity + "': consumers call Gong directly; hosted mode"
                                              + " (Airbyte) offers producers only. Use accessKey or OAuth options");
        }
        for (String option : configuration.parameterOptions().keySet()) {
            if (!feed.endpointOptions().contains(option)) {
                throw new GongValidationException(
                        "Option '" + option + "' is not used by the gong:" + entity + " consumer: it takes "
                                                  + feed.endpointOptions() + "; the consumer sets the time window"
                                                  + " itself (see lookback and initialFromDateTime)");
            }
        }
        GongParameters.checkOptions(feed.operation(), configuration.parameterOptions());
        boolean enrichment = configuration.getEnrich() != null || configuration.getContentSelector() != null;
        if (feed != GongFeed.CALLS && enrichment) {
            throw new GongValidationException(
                    "Options enrich and contentSelector apply to the gong:calls consumer only, not to gong:" + entity);
        }
        GongConsumerOptions.validate(configuration);
    }

    private void validateDownloadFile() {
        if (configuration.getDownloadFile() != null && operation.kind() != OperationKind.DOWNLOAD) {
            throw new GongValidationException(
                    "Invalid option downloadFile for gong:" + operation.name() + ": only call_audio/download and"
                                              + " call_video/download write files; remove the option");
        }
    }

    private void validateAuthentication() {
        authMode = GongAuthentication.resolveMode(configuration, getEndpointBaseUri());
    }

    static void validateBaseUrl(String url, String optionName) {
        validateBaseUrl(url, optionName, "https://api.gong.io");
    }

    static void validateBaseUrl(String url, String optionName, String example) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected an absolute URL such as "
                                              + example);
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || !"https".equals(scheme) && !"http".equals(scheme)) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected an absolute https URL such as "
                                              + example);
        }
        if ("http".equals(scheme) && !CustomerHostPolicy.isLoopback(uri.getHost())) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': plain http would send credentials unencrypted;"
                                              + " use https (http is accepted only for loopback hosts such as a"
                                              + " local simulator)");
        }
        if (uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "='" + url + "': expected the URL without a path or query,"
                                              + " e.g. " + example + " (the component adds the API paths)");
        }
    }

    private static void validatePositive(long value, String optionName) {
        if (value <= 0) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "=" + value + ": expected a positive duration in milliseconds");
        }
    }

    private void validateResilience() {
        double rateLimit = configuration.getRateLimit();
        if (!(rateLimit >= MIN_RATE_LIMIT) || Double.isInfinite(rateLimit)) {
            throw new GongValidationException(
                    "Invalid option rateLimit=" + rateLimit + ": expected a number of requests per second of at least"
                                              + " 0.001 (one every 17 minutes), e.g. 3 (Gong's limit per company)"
                                              + " or 1.5");
        }
        long dailyRequestBudget = configuration.getDailyRequestBudget();
        if (dailyRequestBudget <= 0 || dailyRequestBudget > MAX_DAILY_REQUEST_BUDGET) {
            throw new GongValidationException(
                    "Invalid option dailyRequestBudget=" + dailyRequestBudget + ": expected a positive number of"
                                              + " requests per day up to " + MAX_DAILY_REQUEST_BUDGET + " (one per"
                                              + " nanosecond), e.g. 10000 (Gong's limit per company)");
        }
        int warnPercent = configuration.getDailyBudgetWarnPercent();
        if (warnPercent < 1 || warnPercent > 100) {
            throw new GongValidationException(
                    "Invalid option dailyBudgetWarnPercent=" + warnPercent + ": expected a percentage from 1 to 100,"
                                              + " e.g. 80");
        }
        if (configuration.getMaxRetries() < 0) {
            throw new GongValidationException(
                    "Invalid option maxRetries=" + configuration.getMaxRetries() + ": expected 0 (no retries) or a"
                                              + " positive number of retries, e.g. 3");
        }
        validatePositive(configuration.getRetryDelay(), "retryDelay");
        validatePositive(configuration.getMaxRetryDelay(), "maxRetryDelay");
        validateNotNegative(configuration.getMaxRateLimitWait(), "maxRateLimitWait");
        validateNotNegative(configuration.getRequestTimeout(), "requestTimeout");
    }

    private static void validateNotNegative(long value, String optionName) {
        if (value < 0) {
            throw new GongValidationException(
                    "Invalid option " + optionName + "=" + value + ": expected 0 or a positive duration in"
                                              + " milliseconds");
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        httpClient = new GongHttpClient(getCamelContext(), configuration);
        if (isConnectorAdmin() || isHosted()) {
            startHosted();
        } else {
            credentials = GongAuthentication.createCredentials(this);
            GongApi api = new GongApi(httpClient, credentials, createRetryPolicy(credentials), callStatus);
            pageFetcher = GongAuthentication.pageFetcher(this, api, credentials);
            mediaDownloader = new MediaDownloader(GongAuthentication.downloadFetcher(this, api, credentials),
                    httpClient);
        }
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

    private GongRetryPolicy createRetryPolicy(GongCredentials credentials) {
        GongRateLimiter rateLimiter = ((GongComponent) getComponent()).getRateLimiters().limiterFor(
                credentials.identity(), new GongRateLimiter.Settings(configuration.getRateLimit(),
                        configuration.getDailyRequestBudget(), configuration.getDailyBudgetWarnPercent()));
        return new GongRetryPolicy(retrySettings(), rateLimiter);
    }

    private GongRetryPolicy.Settings retrySettings() {
        return new GongRetryPolicy.Settings(configuration.getMaxRetries(),
                Duration.ofMillis(configuration.getRetryDelay()), Duration.ofMillis(configuration.getMaxRetryDelay()),
                Duration.ofMillis(configuration.getMaxRateLimitWait()),
                Duration.ofMillis(configuration.getRequestTimeout()));
    }

    private void startHosted() {
        HostedSettings settings = HostedSettings.of(configuration);
        AirbyteTokenCache tokens = ((GongComponent) getComponent()).airbyteTokenRegistry().cache(settings);
        airbyteApi = new AirbyteApi(httpClient, tokens, settings, new GongRetryPolicy(retrySettings(), null));
        hostedConnectors = new HostedConnectors(airbyteApi);
        HostedPageFetcher hostedFetcher = new HostedPageFetcher(airbyteApi, hostedConnectors);
        pageFetcher = hostedFetcher;
        mediaDownloader = new HostedMediaDownloader(airbyteApi, hostedFetcher);
    }

    /**
     * Tells whether the endpoint runs its operations through Airbyte's connector API (authMode=hosted).
     */
    public boolean isHosted() {
        return HostedSettings.isHosted(configuration);
    }

    private boolean isConnectorAdmin() {
        return ConnectorAction.ENTITY.equals(entity);
    }

    @Override
    public String getServiceUrl() {
        if (isConnectorAdmin() || isHosted()) {
            return configuration.getAirbyteApiUrl();
        }
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

    /**
     * Replaces the clock that consumers created afterwards take "now" from; for tests of window boundaries.
     */
    void setConsumerClock(Clock consumerClock) {
        this.consumerClock = consumerClock;
    }

    /**
     * Returns the authentication mode resolved from the options when the endpoint was created.
     */
    public GongAuthMode getAuthMode() {
        return authMode;
    }

    /**
     * Returns the credentials of the started endpoint, or {@code null} before it starts. Their
     * {@code permanentFailure()} reports whether they can no longer work until a person acts.
     */
    public GongCredentials getCredentials() {
        return credentials;
    }

    PageFetcher getPageFetcher() {
        return pageFetcher;
    }

    /**
     * Returns the outcome of this endpoint's recent Gong requests, which its health check reads.
     */
    public GongCallStatus getCallStatus() {
        return callStatus;
    }

    MediaOpener getMediaDownloader() {
        return mediaDownloader;
    }

    AirbyteApi getAirbyteApi() {
        return airbyteApi;
    }

    HostedConnectors getHostedConnectors() {
        return hostedConnectors;
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
