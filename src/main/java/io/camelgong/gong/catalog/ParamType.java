package io.camelgong.gong.catalog;

/**
 * Value type of a Gong request parameter, used to validate and normalise values before a request is sent.
 */
public enum ParamType {

    /** A Gong id: a numeric string of up to 20 digits, kept as a {@code String} because it exceeds 2^53. */
    ID("a numeric Gong id of 1 to 20 digits, e.g. 5198900831628433849"),

    /** A list of Gong ids, given as a list, an array or a comma-separated string. */
    ID_LIST("a list of numeric Gong ids (a List, an array or a comma-separated string)"),

    /** An ISO-8601 date-time with an offset. */
    DATE_TIME("an ISO-8601 date-time with an offset, e.g. 2026-01-01T00:00:00Z or 2026-01-01T09:00:00+02:00"),

    /** An ISO-8601 calendar date, interpreted by Gong in the company's time zone. */
    DATE("an ISO-8601 date, e.g. 2026-01-31"),

    /** A boolean, given as a Boolean or the strings true and false. */
    BOOLEAN("true or false"),

    /** Free text such as a cursor. */
    STRING("a non-empty string"),

    /** One HTTP byte range of a media download, which the object store answers with 206 Partial Content. */
    BYTE_RANGE("one HTTP byte range such as bytes=0-1048575, bytes=1048576- or bytes=-500"),

    /** One of a fixed set of strings, listed by the parameter. */
    ENUM("one of the listed values"),

    /** A list of values from a fixed set, listed by the parameter. */
    ENUM_LIST("a list of values from the listed set"),

    /** A positive whole number. */
    POSITIVE_INTEGER("a positive whole number, e.g. 100"),

    /** A JSON object, given as a Map or as JSON text, passed on unchanged, e.g. a context store query. */
    OBJECT("a Map or a JSON object text such as {\"filter\": {\"eq\": {\"active\": true}}}"),

    /**
     * A list of record field paths, given as a List or a comma-separated string; a dotted name such as
     * {@code metaData.title} selects a nested field. Sent as a list of path segment lists.
     */
    FIELD_PATHS("a list of field names (a List or a comma-separated string; a dotted name selects a nested field)");

    private final String expected;

    ParamType(String expected) {
        this.expected = expected;
    }

    /**
     * Describes the accepted values for error messages.
     */
    public String expected() {
        return expected;
    }
}
