package io.camelgong.gong;

import org.apache.camel.spi.Metadata;

/**
 * Message header names of the Gong component.
 */
public final class GongConstants {

    @Metadata(description = "The entity to run on the gong:execute endpoint, e.g. calls. On every other endpoint the"
                            + " producer sets it to the entity it ran.",
              javaType = "String")
    public static final String ENTITY = "CamelGongEntity";

    @Metadata(description = "The action to run on the gong:execute endpoint, e.g. list. The producer sets it to the"
                            + " action it ran.",
              javaType = "String")
    public static final String ACTION = "CamelGongAction";

    @Metadata(label = "producer",
              description = "The parameters of the operation, named and nested as in Gong's API, e.g."
                            + " {filter: {callIds: [...]}}; dotted keys such as filter.callIds are accepted too."
                            + " They override endpoint options. When the header is absent, a Map body is used.",
              javaType = "java.util.Map<String, Object>")
    public static final String PARAMS = "CamelGongParams";

    @Metadata(label = "producer", description = "Gong's requestId of the last answer read.", javaType = "String")
    public static final String REQUEST_ID = "CamelGongRequestId";

    @Metadata(label = "producer",
              description = "The total number of records Gong reports for the request (records.totalRecords). With"
                            + " pagination=streaming it is read from the first page.",
              javaType = "Long")
    public static final String TOTAL_RECORDS = "CamelGongTotalRecords";

    @Metadata(label = "producer",
              description = "The cursor of the next page, or absent when the last page was read. With"
                            + " pagination=single, pass it back as the cursor parameter to read the next page.",
              javaType = "String")
    public static final String NEXT_CURSOR = "CamelGongNextCursor";

    @Metadata(label = "producer",
              description = "The number of pages read for this exchange. Not set with pagination=streaming, because"
                            + " the pages are read after the producer returns.",
              javaType = "Integer")
    public static final String PAGE_COUNT = "CamelGongPageCount";

    @Metadata(label = "producer",
              description = "The Content-Range of a partial call_audio or call_video download.", javaType = "String")
    public static final String CONTENT_RANGE = "CamelGongContentRange";

    @Metadata(label = "consumer",
              description = "The id of the call a consumed record belongs to: the new call, the call of a new"
                            + " transcript, or the call of a new answered scorecard.",
              javaType = "String")
    public static final String CALL_ID = "CamelGongCallId";

    @Metadata(label = "consumer",
              description = "The start time of the call of a consumed record, with the offset Gong wrote; absent for"
                            + " transcripts, which do not carry it.",
              javaType = "java.time.OffsetDateTime")
    public static final String CALL_STARTED = "CamelGongCallStarted";

    @Metadata(label = "consumer",
              description = "Set to true on a new call consumed with enrich=transcript when Gong had returned no"
                            + " transcript for it after transcriptMaxAttempts polls; the body then has no transcript"
                            + " key.",
              javaType = "Boolean")
    public static final String TRANSCRIPT_MISSING = "CamelGongTranscriptMissing";

    @Metadata(label = "producer",
              description = "The file a call_audio or call_video download is written to; overrides the downloadFile"
                            + " option. Camel simple expressions are not evaluated in the header.",
              javaType = "String")
    public static final String DOWNLOAD_FILE = "CamelGongDownloadFile";

    @Metadata(label = "producer",
              description = "The id of the Airbyte connector that gong:connectors/create created or"
                            + " gong:connectors/delete deleted.",
              javaType = "String")
    public static final String CONNECTOR_ID = "CamelGongConnectorId";

    @Metadata(label = "producer",
              description = "The URL to send the user to for Gong's OAuth consent, from"
                            + " gong:connectors/oauth_initiate.",
              javaType = "String")
    public static final String CONSENT_URL = "CamelGongConsentUrl";

    private GongConstants() {
    }
}
