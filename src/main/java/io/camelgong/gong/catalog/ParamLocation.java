package io.camelgong.gong.catalog;

/**
 * Where a parameter goes in the Gong HTTP request.
 */
public enum ParamLocation {
    /** Substituted into the URL path template, e.g. {@code /v2/users/{id}}. */
    PATH,
    /** Appended to the query string. */
    QUERY,
    /** Placed in the JSON request body at its dotted path, e.g. {@code filter.callIds}. */
    BODY,
    /** Consumed by the component itself and never sent to Gong, e.g. the {@code Range} of a media download. */
    LOCAL
}
