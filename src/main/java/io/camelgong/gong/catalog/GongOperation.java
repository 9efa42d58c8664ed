package io.camelgong.gong.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes one entity/action pair of the Gong API: the HTTP request it becomes, its parameters, and where the
 * records and the paging cursor are in the response.
 */
public final class GongOperation {

    private final String entity;
    private final String action;
    private final OperationKind kind;
    private final String httpMethod;
    private final String pathTemplate;
    private final String recordsField;
    private final Paging paging;
    private final boolean emptyOnNotFound;
    private final boolean hostedOnly;
    private final String scope;
    private final String mediaUrlField;
    private final boolean idempotent;
    private final Map<String, ParamSpec> params;
    private final List<DateRange> dateRanges;

    private GongOperation(Builder builder) {
        this.entity = builder.entity;
        this.action = builder.action;
        this.kind = builder.kind;
        this.httpMethod = builder.httpMethod;
        this.pathTemplate = builder.pathTemplate;
        this.recordsField = builder.recordsField;
        this.paging = builder.paging;
        this.emptyOnNotFound = builder.emptyOnNotFound;
        this.hostedOnly = builder.hostedOnly;
        this.scope = builder.scope;
        this.mediaUrlField = builder.mediaUrlField;
        this.idempotent = builder.idempotent;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(builder.params));
        this.dateRanges = List.copyOf(builder.dateRanges);
    }

    static Builder builder(String entity, String action) {
        return new Builder(entity, action);
    }

    public String entity() {
        return entity;
    }

    public String action() {
        return action;
    }

    /**
     * Returns the operation's name as used in URIs and messages, e.g. {@code calls/list}.
     */
    public String name() {
        return entity + "/" + action;
    }

    public OperationKind kind() {
        return kind;
    }

    public String httpMethod() {
        return httpMethod;
    }

    /**
     * Returns the path below the base URL, with {@code {name}} placeholders for path parameters.
     */
    public String pathTemplate() {
        return pathTemplate;
    }

    /**
     * Returns the top-level response field that contains the records, or for a get the single record.
     */
    public String recordsField() {
        return recordsField;
    }

    public Paging paging() {
        return paging;
    }

    /**
     * Tells whether Gong responds 404 with "No calls found" when no record matches, which means an empty result.
     */
    public boolean emptyOnNotFound() {
        return emptyOnNotFound;
    }

    /**
     * Tells whether the operation exists only in hosted execution through Airbyte's connector API (authMode=hosted),
     * such as context_store_search, which searches Airbyte's copy of the data and has no Gong HTTP request.
     */
    public boolean hostedOnly() {
        return hostedOnly;
    }

    /**
     * Returns the OAuth scope that Gong requires for this operation.
     */
    public String scope() {
        return scope;
    }

    /**
     * Returns the field of the calls/extensive {@code media} object that contains the URL, for downloads.
     */
    public String mediaUrlField() {
        return mediaUrlField;
    }

    /**
     * Tells whether sending the request twice has the same effect as sending it once, so that it may be retried
     * after a failure that leaves unclear whether Gong processed it. Every operation in the catalog reads; a write
     * added later must be declared with {@code write()} and is then retried only when it was certainly not sent.
     */
    public boolean idempotent() {
        return idempotent;
    }

    /**
     * Returns every accepted parameter by dotted path, in declaration order.
     */
    public Map<String, ParamSpec> params() {
        return params;
    }

    /**
     * Returns the pairs of parameters whose start must not be after their end.
     */
    public List<DateRange> dateRanges() {
        return dateRanges;
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * A pair of date or date-time parameters that bound a window.
     *
     * @param from        dotted path of the inclusive start
     * @param to          dotted path of the exclusive end
     * @param notInFuture whether the end may not lie after today, as Gong requires for stats dates
     */
    public record DateRange(String from, String to, boolean notInFuture) {
    }

    /**
     * Builds an operation one parameter at a time, so the catalog reads as a table.
     */
    static final class Builder {
        private final String entity;
        private final String action;
        private OperationKind kind = OperationKind.LIST;
        private String httpMethod = "GET";
        private String pathTemplate;
        private String recordsField;
        private Paging paging = Paging.NONE;
        private boolean emptyOnNotFound;
        private boolean hostedOnly;
        private String scope;
        private String mediaUrlField;
        private boolean idempotent = true;
        private final Map<String, ParamSpec> params = new LinkedHashMap<>();
        private final List<DateRange> dateRanges = new ArrayList<>();

        private Builder(String entity, String action) {
            this.entity = entity;
            this.action = action;
        }

        Builder get(String path) {
            this.httpMethod = "GET";
            this.pathTemplate = path;
            return this;
        }

        Builder post(String path) {
            this.httpMethod = "POST";
            this.pathTemplate = path;
            return this;
        }

        Builder kind(OperationKind kind) {
            this.kind = kind;
            return this;
        }

        Builder records(String field) {
            this.recordsField = field;
            return this;
        }

        Builder paging(Paging paging) {
            this.paging = paging;
            if (paging == Paging.QUERY_CURSOR) {
                param("cursor", ParamType.STRING, ParamLocation.QUERY, false, "cursor");
            } else if (paging == Paging.BODY_CURSOR) {
                param("cursor", ParamType.STRING, ParamLocation.BODY, false, "cursor");
            }
            return this;
        }

        Builder emptyOnNotFound() {
            this.emptyOnNotFound = true;
            return this;
        }

        Builder hostedOnly() {
            this.hostedOnly = true;
            return this;
        }

        Builder scope(String scope) {
            this.scope = scope;
            return this;
        }

        Builder write() {
            this.idempotent = false;
            return this;
        }

        Builder mediaUrl(String field) {
            this.mediaUrlField = field;
            return this;
        }

        Builder param(String path, ParamType type, ParamLocation location, boolean required, String optionName) {
            return param(path, type, location, required, optionName, List.of());
        }

        Builder param(
                String path, ParamType type, ParamLocation location, boolean required, String optionName,
                List<String> allowedValues) {
            params.put(path, new ParamSpec(path, type, location, required, optionName, allowedValues));
            return this;
        }

        Builder range(String from, String to, boolean notInFuture) {
            dateRanges.add(new DateRange(from, to, notInFuture));
            return this;
        }

        GongOperation build() {
            return new GongOperation(this);
        }
    }
}
