package io.camelgong.gong;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options shared by the Gong component and its endpoints. The component keeps the defaults, and every endpoint works
 * on its own copy, so options in a URI override the component's for that endpoint only.
 */
@UriParams
public class GongConfiguration implements Cloneable {

    /** Gong's OAuth token endpoint. */
    public static final String DEFAULT_TOKEN_URL = "https://app.gong.io/oauth2/generate-customer-token";
    /** The API host used until a token response names the customer's own. */
    public static final String DEFAULT_BASE_URL = "https://api.gong.io";

    // Authentication

    @UriParam(label = "security", enums = "accessKey,oauth,hosted")
    private GongAuthMode authMode;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String accessKeySecret;

    // OAuth

    @UriParam(label = "security", secret = true)
    private String refreshToken;
    @UriParam(label = "security", secret = true)
    private String accessToken;
    @UriParam(label = "security")
    private String clientId;
    @UriParam(label = "security", secret = true)
    private String clientSecret;
    @UriParam(label = "security", defaultValue = DEFAULT_TOKEN_URL)
    private String tokenUrl = DEFAULT_TOKEN_URL;
    @UriParam(label = "security", defaultValue = "60000", javaType = "java.time.Duration")
    private long tokenRefreshSkew = 60_000;
    @UriParam(label = "security")
    private String allowedHosts;
    @UriParam(label = "security", defaultValue = "false")
    private boolean includePrivateCalls;

    // Hosted execution through Airbyte's connector API

    @UriParam(label = "security")
    private String airbyteClientId;
    @UriParam(label = "security", secret = true)
    private String airbyteClientSecret;
    @UriParam(label = "hosted")
    private String connectorId;
    @UriParam(label = "hosted")
    private String workspaceName;
    @UriParam(label = "hosted")
    private String externalUserId;
    @UriParam(label = "hosted")
    private String organizationId;
    @UriParam(label = "hosted", defaultValue = "https://api.airbyte.ai")
    private String airbyteApiUrl = "https://api.airbyte.ai";
    @UriParam(label = "hosted")
    private String connectorName;
    @UriParam(label = "hosted")
    private String redirectUrl;
    @UriParam(label = "producer,hosted")
    private String searchQuery;
    @UriParam(label = "producer,hosted")
    private Integer searchLimit;
    @UriParam(label = "producer,hosted")
    private String searchFields;

    // State: OAuth token chain, consumer watermark and delivered ids

    @UriParam(label = "advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "common")
    private String stateFile;

    // Connection

    @UriParam(label = "common", defaultValue = DEFAULT_BASE_URL)
    private String baseUrl = DEFAULT_BASE_URL;
    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60000", javaType = "java.time.Duration")
    private long readTimeout = 60_000;
    @UriParam(label = "proxy")
    private String proxyHost;
    @UriParam(label = "proxy")
    private Integer proxyPort;
    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    // Resilience: rate limit, daily budget, retries and the overall timeout

    @UriParam(label = "advanced", defaultValue = "3")
    private double rateLimit = 3;
    @UriParam(label = "advanced", defaultValue = "10000")
    private long dailyRequestBudget = 10_000;
    @UriParam(label = "advanced", defaultValue = "80")
    private int dailyBudgetWarnPercent = 80;
    @UriParam(label = "advanced", defaultValue = "3")
    private int maxRetries = 3;
    @UriParam(label = "advanced", defaultValue = "1000", javaType = "java.time.Duration")
    private long retryDelay = 1_000;
    @UriParam(label = "advanced", defaultValue = "30000", javaType = "java.time.Duration")
    private long maxRetryDelay = 30_000;
    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration")
    private long maxRateLimitWait = 120_000;
    @UriParam(label = "advanced", defaultValue = "300000", javaType = "java.time.Duration")
    private long requestTimeout = 300_000;

    // Producer: paging and the parameters most operations share

    @UriParam(label = "producer", defaultValue = "all", enums = "all,single,streaming")
    private GongPagination pagination = GongPagination.all;
    @UriParam(label = "producer")
    private String id;
    @UriParam(label = "producer")
    private String fromDateTime;
    @UriParam(label = "producer")
    private String toDateTime;
    @UriParam(label = "producer")
    private String fromDate;
    @UriParam(label = "producer")
    private String toDate;
    @UriParam(label = "producer")
    private String workspaceId;
    @UriParam(label = "producer")
    private String callIds;
    @UriParam(label = "producer")
    private String primaryUserIds;
    @UriParam(label = "producer")
    private String userIds;
    @UriParam(label = "producer")
    private String folderId;
    @UriParam(label = "producer")
    private String managerId;
    @UriParam(label = "producer")
    private Boolean includeAvatars;
    @UriParam(label = "producer")
    private String cursor;
    @UriParam(label = "producer")
    private String range;

    // Consumer: new calls, transcripts and answered scorecards

    @UriParam(label = "consumer", defaultValue = "PT6H")
    private String lookback = "PT6H";
    @UriParam(label = "consumer", defaultValue = "PT24H")
    private String initialFromDateTime = "PT24H";
    @UriParam(label = "consumer,advanced")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer")
    private String enrich;
    @UriParam(label = "consumer")
    private String contentSelector;
    @UriParam(label = "consumer", defaultValue = "12")
    private int transcriptMaxAttempts = 12;
    @UriParam(label = "consumer", defaultValue = "0")
    private int maxMessagesPerPoll;

    // Producer: media downloads

    @UriParam(label = "producer")
    private String downloadFile;

    /**
     * Returns a copy for one endpoint.
     */
    public GongConfiguration copy() {
        try {
            return (GongConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Returns the option values that supply operation parameters, by option name; unset options are absent.
     */
    public Map<String, Object> parameterOptions() {
        Map<String, Object> values = new LinkedHashMap<>();
        putIfSet(values, "id", id);
        putIfSet(values, "fromDateTime", fromDateTime);
        putIfSet(values, "toDateTime", toDateTime);
        putIfSet(values, "fromDate", fromDate);
        putIfSet(values, "toDate", toDate);
        putIfSet(values, "workspaceId", workspaceId);
        putIfSet(values, "callIds", callIds);
        putIfSet(values, "primaryUserIds", primaryUserIds);
        putIfSet(values, "userIds", userIds);
        putIfSet(values, "folderId", folderId);
        putIfSet(values, "managerId", managerId);
        putIfSet(values, "includeAvatars", includeAvatars);
        putIfSet(values, "cursor", cursor);
        putIfSet(values, "range", range);
        putIfSet(values, "searchQuery", searchQuery);
        putIfSet(values, "searchLimit", searchLimit);
        putIfSet(values, "searchFields", searchFields);
        return values;
    }

    private static void putIfSet(Map<String, Object> values, String name, Object value) {
        if (value != null) {
            values.put(name, value);
        }
    }

    public GongAuthMode getAuthMode() {
        return authMode;
    }

    /**
     * How to authenticate to Gong: accessKey (HTTP Basic with an access key and secret), oauth (bearer tokens of a
     * Gong app, renewed with refreshToken) or hosted (every operation runs through Airbyte's connector API, which
     * keeps the Gong credentials; see airbyteClientId). When unset, the mode follows from the credentials given:
     * hosted when airbyteClientId is set and neither access-key nor OAuth options are.
     */
    public void setAuthMode(GongAuthMode authMode) {
        this.authMode = authMode;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /**
     * The Gong API access key, created by a Gong technical administrator under Company Settings, API.
     */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getAccessKeySecret() {
        return accessKeySecret;
    }

    /**
     * The secret of the Gong API access key.
     */
    public void setAccessKeySecret(String accessKeySecret) {
        this.accessKeySecret = accessKeySecret;
    }

    // Hosted execution

    public String getAirbyteClientId() {
        return airbyteClientId;
    }

    /**
     * The client id of an Airbyte application, for hosted execution (authMode=hosted). The component exchanges it
     * with airbyteClientSecret for an application token of about 15 minutes and renews the token shortly before it
     * expires.
     */
    public void setAirbyteClientId(String airbyteClientId) {
        this.airbyteClientId = airbyteClientId;
    }

    public String getAirbyteClientSecret() {
        return airbyteClientSecret;
    }

    /**
     * The client secret of the Airbyte application, for hosted execution.
     */
    public void setAirbyteClientSecret(String airbyteClientSecret) {
        this.airbyteClientSecret = airbyteClientSecret;
    }

    public String getConnectorId() {
        return connectorId;
    }

    /**
     * The id of the Airbyte Gong connector to run operations on, in hosted mode. Set exactly one of connectorId,
     * workspaceName and externalUserId. Also the connector that gong:connectors/delete deletes.
     */
    public void setConnectorId(String connectorId) {
        this.connectorId = connectorId;
    }

    public String getWorkspaceName() {
        return workspaceName;
    }

    /**
     * The Airbyte workspace whose Gong connector to use, in hosted mode: the component looks the connector up once
     * when the first operation runs and fails when the workspace has none or more than one. Also the workspace that
     * gong:connectors/create, list and oauth_initiate work in.
     */
    public void setWorkspaceName(String workspaceName) {
        this.workspaceName = workspaceName;
    }

    public String getExternalUserId() {
        return externalUserId;
    }

    /**
     * Your id for the end user whose Gong connector to use, in hosted mode; looked up like workspaceName. Also the
     * user that gong:connectors/create, list and oauth_initiate work for.
     */
    public void setExternalUserId(String externalUserId) {
        this.externalUserId = externalUserId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    /**
     * The Airbyte organization to send requests for (header X-Organization-Id), when the application belongs to
     * several organizations.
     */
    public void setOrganizationId(String organizationId) {
        this.organizationId = organizationId;
    }

    public String getAirbyteApiUrl() {
        return airbyteApiUrl;
    }

    /**
     * The base URL of Airbyte's connector API, without a path. Plain http is accepted only for loopback hosts, such
     * as a local simulator.
     */
    public void setAirbyteApiUrl(String airbyteApiUrl) {
        this.airbyteApiUrl = airbyteApiUrl;
    }

    public String getConnectorName() {
        return connectorName;
    }

    /**
     * The name of the connector that gong:connectors/create creates or that gong:connectors/oauth_initiate
     * creates after consent. Defaults to Gong.
     */
    public void setConnectorName(String connectorName) {
        this.connectorName = connectorName;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    /**
     * The URL of your application that Airbyte sends the user back to after Gong's OAuth consent, for
     * gong:connectors/oauth_initiate. The callback carries the secret_id to pass to gong:connectors/create.
     */
    public void setRedirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
    }

    public String getSearchQuery() {
        return searchQuery;
    }

    /**
     * The query of a context_store_search (hosted mode only) as JSON text, e.g. {"filter": {"eq": {"active":
     * true}}, "sort": [{"created": "desc"}]}. Filter operators: eq, neq, gt, gte, lt, lte, in, like, fuzzy, keyword,
     * not, and, or.
     */
    public void setSearchQuery(String searchQuery) {
        this.searchQuery = searchQuery;
    }

    public Integer getSearchLimit() {
        return searchLimit;
    }

    /**
     * The number of records per page of a context_store_search; Airbyte's default is 1000.
     */
    public void setSearchLimit(Integer searchLimit) {
        this.searchLimit = searchLimit;
    }

    public String getSearchFields() {
        return searchFields;
    }

    /**
     * Comma-separated record fields that a context_store_search returns, e.g. id,emailAddress; a dotted name such
     * as metaData.title selects a nested field. All fields when unset.
     */
    public void setSearchFields(String searchFields) {
        this.searchFields = searchFields;
    }

    public StateRepository<String, String> getStateRepository() {
        return stateRepository;
    }

    /**
     * The store for state that must survive a restart: the rotated OAuth refresh token and the new-call consumer's
     * watermark and delivered call ids. Keys carry the credential identity, so one store can serve several tenants.
     * Takes precedence over stateFile.
     */
    public void setStateRepository(StateRepository<String, String> stateRepository) {
        this.stateRepository = stateRepository;
    }

    public String getStateFile() {
        return stateFile;
    }

    /**
     * A file that keeps the component's state across restarts (see stateRepository), created when missing. Endpoints
     * that name the same file share one store.
     */
    public void setStateFile(String stateFile) {
        this.stateFile = stateFile;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    /**
     * The base URL of the Gong API, without the /v2 path. Plain http is accepted only for loopback hosts, such as a
     * local Gong simulator.
     */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * The time to wait for a TCP connection to Gong, in milliseconds (or a duration such as 10s).
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getReadTimeout() {
        return readTimeout;
    }

    /**
     * The time to wait for data from Gong on an open connection, in milliseconds (or a duration such as 60s).
     */
    public void setReadTimeout(long readTimeout) {
        this.readTimeout = readTimeout;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    /**
     * The host of an HTTP proxy to reach Gong through.
     */
    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    /**
     * The port of the HTTP proxy.
     */
    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * TLS settings (trust store, protocols, cipher suites) for connections to Gong. The JVM defaults apply when unset.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public double getRateLimit() {
        return rateLimit;
    }

    /**
     * The maximum number of requests per second sent to one Gong tenant, shared by every endpoint of that tenant in the
     * CamelContext. Gong allows 3 per second per company, across all its integrations; lower it when other
     * integrations use the same company's limit. At least 0.001.
     */
    public void setRateLimit(double rateLimit) {
        this.rateLimit = rateLimit;
    }

    public long getDailyRequestBudget() {
        return dailyRequestBudget;
    }

    /**
     * The maximum number of requests sent to one Gong tenant per day (renewed at midnight UTC). When it is spent, requests fail at
     * once with GongBudgetExhaustedException instead of being sent. Gong allows 10,000 per day per company. At most
     * 86400000000000.
     */
    public void setDailyRequestBudget(long dailyRequestBudget) {
        this.dailyRequestBudget = dailyRequestBudget;
    }

    public int getDailyBudgetWarnPercent() {
        return dailyBudgetWarnPercent;
    }

    /**
     * The share of dailyRequestBudget, in percent (1 to 100), after which a WARN is logged once per day.
     */
    public void setDailyBudgetWarnPercent(int dailyBudgetWarnPercent) {
        this.dailyBudgetWarnPercent = dailyBudgetWarnPercent;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    /**
     * How many times a request is sent again after a 5xx response, a 408, a timeout or a broken connection (0 for
     * never). 429 responses do not count: maxRateLimitWait bounds those.
     */
    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    /**
     * The first wait before a retry, in milliseconds (or a duration such as 1s); it doubles on each retry, with
     * random jitter, up to maxRetryDelay.
     */
    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getMaxRetryDelay() {
        return maxRetryDelay;
    }

    /**
     * The maximum wait between two retries, in milliseconds (or a duration such as 30s).
     */
    public void setMaxRetryDelay(long maxRetryDelay) {
        this.maxRetryDelay = maxRetryDelay;
    }

    public long getMaxRateLimitWait() {
        return maxRateLimitWait;
    }

    /**
     * The maximum total time a request waits for Gong's 429 responses to stop, counted from the start of the request,
     * in milliseconds (or a duration such as 2m). Each wait follows Gong's Retry-After header, or backs off
     * exponentially when it is absent. 0 fails at the first 429.
     */
    public void setMaxRateLimitWait(long maxRateLimitWait) {
        this.maxRateLimitWait = maxRateLimitWait;
    }

    public long getRequestTimeout() {
        return requestTimeout;
    }

    /**
     * The maximum time one Gong request (one page) may take, retries, rate-limit waits and backoff included, in
     * milliseconds (or a duration such as 5m). 0 sets no limit beyond connectTimeout and readTimeout per attempt.
     */
    public void setRequestTimeout(long requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public GongPagination getPagination() {
        return pagination;
    }

    /**
     * How a list returns its records: all follows every cursor and returns one List; single returns one page and sets
     * the CamelGongNextCursor header. streaming returns a lazy Iterator that reads each next page only when it reaches
     * it, so split(body()).streaming() handles any number of records in constant memory. With streaming, the
     * CamelGongTotalRecords and CamelGongRequestId headers come from the first page.
     */
    public void setPagination(GongPagination pagination) {
        this.pagination = pagination;
    }

    public String getId() {
        return id;
    }

    /**
     * The id of the user or call to get, or of the call whose media to download.
     */
    public void setId(String id) {
        this.id = id;
    }

    public String getFromDateTime() {
        return fromDateTime;
    }

    /**
     * The inclusive start of the time window, an ISO-8601 date-time with an offset such as 2026-01-01T00:00:00Z. Used by
     * calls, calls_extensive, call_transcripts (as filter.fromDateTime), stats_activity_scorecards and coaching (as
     * from).
     */
    public void setFromDateTime(String fromDateTime) {
        this.fromDateTime = fromDateTime;
    }

    public String getToDateTime() {
        return toDateTime;
    }

    /**
     * The exclusive end of the time window, an ISO-8601 date-time with an offset. Used by the same operations as
     * fromDateTime.
     */
    public void setToDateTime(String toDateTime) {
        this.toDateTime = toDateTime;
    }

    public String getFromDate() {
        return fromDate;
    }

    /**
     * The inclusive first day (YYYY-MM-DD, in the company's time zone) of the stats_activity_aggregate,
     * stats_activity_day_by_day and stats_interaction lists.
     */
    public void setFromDate(String fromDate) {
        this.fromDate = fromDate;
    }

    public String getToDate() {
        return toDate;
    }

    /**
     * The exclusive last day (YYYY-MM-DD) of the stats lists; today at the latest.
     */
    public void setToDate(String toDate) {
        this.toDate = toDate;
    }

    public String getWorkspaceId() {
        return workspaceId;
    }

    /**
     * The Gong workspace to read from; required by library_folders and coaching (as workspace-id).
     */
    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getCallIds() {
        return callIds;
    }

    /**
     * Comma-separated call ids to select (filter.callIds) in calls_extensive, call_transcripts and
     * stats_activity_scorecards.
     */
    public void setCallIds(String callIds) {
        this.callIds = callIds;
    }

    public String getPrimaryUserIds() {
        return primaryUserIds;
    }

    /**
     * Comma-separated ids of the users who hosted the calls (filter.primaryUserIds of calls_extensive).
     */
    public void setPrimaryUserIds(String primaryUserIds) {
        this.primaryUserIds = primaryUserIds;
    }

    public String getUserIds() {
        return userIds;
    }

    /**
     * Comma-separated user ids (filter.userIds) of the stats lists; filter.reviewedUserIds of
     * stats_activity_scorecards.
     */
    public void setUserIds(String userIds) {
        this.userIds = userIds;
    }

    public String getFolderId() {
        return folderId;
    }

    /**
     * The library folder whose calls library_folder_content lists.
     */
    public void setFolderId(String folderId) {
        this.folderId = folderId;
    }

    public String getManagerId() {
        return managerId;
    }

    /**
     * The manager whose team coaching lists (manager-id).
     */
    public void setManagerId(String managerId) {
        this.managerId = managerId;
    }

    public Boolean getIncludeAvatars() {
        return includeAvatars;
    }

    /**
     * Whether users/list returns the users' avatar URLs.
     */
    public void setIncludeAvatars(Boolean includeAvatars) {
        this.includeAvatars = includeAvatars;
    }

    public String getCursor() {
        return cursor;
    }

    /**
     * The cursor of the page to start from, as returned in CamelGongNextCursor. Cursors expire about an hour after
     * the first request of a sequence, so do not store them.
     */
    public void setCursor(String cursor) {
        this.cursor = cursor;
    }

    public String getRange() {
        return range;
    }

    /**
     * The HTTP Range of a call_audio or call_video download, e.g. bytes=0-1048575.
     */
    public void setRange(String range) {
        this.range = range;
    }

    public String getLookback() {
        return lookback;
    }

    /**
     * How far before the watermark each poll of a consumer starts re-reading, as an ISO-8601 duration such as PT6H or
     * P1D. Gong lists a call minutes to hours after it starts and filters by start time, so a call is delivered when
     * Gong lists it within this time of its start. Each extra hour costs the pages of that hour's calls on every poll.
     */
    public void setLookback(String lookback) {
        this.lookback = lookback;
    }

    public String getInitialFromDateTime() {
        return initialFromDateTime;
    }

    /**
     * Where a consumer without stored state starts: an ISO-8601 date-time with an offset, such as
     * 2026-01-01T00:00:00Z, or an ISO-8601 duration before the first poll, such as PT24H. Windows longer than 90 days
     * are split into several requests.
     */
    public void setInitialFromDateTime(String initialFromDateTime) {
        this.initialFromDateTime = initialFromDateTime;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * The repository of delivered ids of a consumer. By default the ids are kept in the state store (stateRepository
     * or stateFile, else in memory) beside the watermark, and dropped once their call falls behind the poll window. A
     * repository given here is used as is: it must keep ids at least for the lookback, and expiring them is up to it.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getEnrich() {
        return enrich;
    }

    /**
     * What the calls consumer adds to each new call, as a comma list: extensive adds the calls/extensive record under
     * the body key extensive, transcript adds the call's monologues under the body key transcript. Gong is asked for
     * up to 100 calls per request.
     */
    public void setEnrich(String enrich) {
        this.enrich = enrich;
    }

    public String getContentSelector() {
        return contentSelector;
    }

    /**
     * The calls/extensive fields to request with enrich=extensive, as a comma list of exposed fields such as
     * parties,content.topics,interaction.speakers (each becomes contentSelector.exposedFields....=true). Gong returns
     * only the call's metaData when unset.
     */
    public void setContentSelector(String contentSelector) {
        this.contentSelector = contentSelector;
    }

    public int getTranscriptMaxAttempts() {
        return transcriptMaxAttempts;
    }

    /**
     * With enrich=transcript, the number of polls that ask Gong for a new call's transcript. Until then the call is
     * held back; after that it is delivered without it and with the header CamelGongTranscriptMissing=true. With the
     * default delay of 5 minutes, 12 attempts wait about an hour.
     */
    public void setTranscriptMaxAttempts(int transcriptMaxAttempts) {
        this.transcriptMaxAttempts = transcriptMaxAttempts;
    }

    public int getMaxMessagesPerPoll() {
        return maxMessagesPerPoll;
    }

    /**
     * The maximum number of records a consumer delivers per poll, oldest first; the rest come with the next polls. 0
     * means no limit.
     */
    public void setMaxMessagesPerPoll(int maxMessagesPerPoll) {
        this.maxMessagesPerPoll = maxMessagesPerPoll;
    }

    public String getDownloadFile() {
        return downloadFile;
    }

    /**
     * A file to write a call_audio or call_video download to, instead of returning the media as an InputStream. The
     * bytes stream straight to disk, and the message body becomes the java.io.File. The value may contain Camel simple
     * expressions, e.g. /data/media/${header.callId}.mp4; the CamelGongDownloadFile header overrides it.
     */
    public void setDownloadFile(String downloadFile) {
        this.downloadFile = downloadFile;
    }

    // OAuth

    public String getRefreshToken() {
        return refreshToken;
    }

    /**
     * The OAuth refresh token from the first consent (the authorization-code exchange). Gong refresh tokens are single
     * use: the component stores each new one in the state store (stateFile or stateRepository) and prefers the stored
     * chain over this value at start. A different value here starts a new chain, as after a new consent.
     */
    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAccessToken() {
        return accessToken;
    }

    /**
     * An OAuth access token to use until it is rejected; optional, since one is obtained with the refresh token.
     */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getClientId() {
        return clientId;
    }

    /**
     * The client id of the Gong OAuth app.
     */
    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    /**
     * The client secret of the Gong OAuth app.
     */
    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /**
     * Gong's OAuth token endpoint. Plain http is accepted only for loopback hosts.
     */
    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public long getTokenRefreshSkew() {
        return tokenRefreshSkew;
    }

    /**
     * How long before the OAuth access token expires to refresh it, in milliseconds (or a duration such as 1m).
     */
    public void setTokenRefreshSkew(long tokenRefreshSkew) {
        this.tokenRefreshSkew = tokenRefreshSkew;
    }

    public String getAllowedHosts() {
        return allowedHosts;
    }

    /**
     * Comma-separated host names that OAuth requests may go to besides https hosts under gong.io, when Gong's token
     * answer names them as the customer's API host (api_base_url_for_customer). Plain http is accepted only for
     * loopback addresses. Ignored when baseUrl is set to something other than https://api.gong.io, because then
     * every request goes to baseUrl.
     */
    public void setAllowedHosts(String allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public boolean isIncludePrivateCalls() {
        return includePrivateCalls;
    }

    /**
     * Whether OAuth endpoints return calls that Gong marks private. Gong forbids apps that use OAuth to export private
     * calls, so by default they are dropped from calls, calls_extensive, call_transcripts and library_folder_content
     * lists, and calls/get and downloads of a private call fail. Has no effect with accessKey authentication.
     */
    public void setIncludePrivateCalls(boolean includePrivateCalls) {
        this.includePrivateCalls = includePrivateCalls;
    }
}
