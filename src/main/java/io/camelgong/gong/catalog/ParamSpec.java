package io.camelgong.gong.catalog;

import java.util.List;

/**
 * One parameter of a Gong operation.
 *
 * @param path          dotted parameter name as the reference connector names it, e.g. {@code filter.fromDateTime}
 * @param type          value type
 * @param location      where the value goes in the HTTP request
 * @param required      whether a request without it is rejected
 * @param optionName    the flat endpoint option that supplies a default for it, or {@code null}
 * @param allowedValues the accepted values of an {@link ParamType#ENUM} or {@link ParamType#ENUM_LIST}, else empty
 */
public record ParamSpec(
        String path, ParamType type, ParamLocation location, boolean required, String optionName,
        List<String> allowedValues) {

    public ParamSpec {
        allowedValues = List.copyOf(allowedValues);
    }

    /**
     * Returns the last segment of the dotted path, the name Gong sees in the query string or body object.
     */
    public String leafName() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /**
     * Describes the accepted values for error messages.
     */
    public String expected() {
        if (allowedValues.isEmpty()) {
            return type.expected();
        }
        return type == ParamType.ENUM_LIST
                ? "a list of values from " + allowedValues
                : "one of " + allowedValues;
    }
}
