package io.camelgong.gong;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options shared by the Gong component and its endpoints. The component holds the defaults; every endpoint works on
 * its own copy, so options in a URI override the component's for that endpoint only.
 */
@UriParams
public class GongConfiguration implements Cloneable {

    // Authentication

    @UriParam(label = "security", enums = "accessKey")
    private GongAuthMode authMode;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String accessKeySecret;

    // State: OAuth token chain, consumer watermark and delivered ids

    @UriParam(label = "advanced")
    private StateRepository<String, String> stateRepository;
    @UriParam(label = "common")
    private String stateFile;

    // Connection

    @UriParam(label = "common", defaultValue = "https://api.gong.io")
    private String baseUrl = "https://api.gong.io";
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
     * How to authenticate to Gong: accessKey (HTTP Basic with an access key and secret). When unset, the mode follows
     * from the credentials given.
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
}
