package io.camelgong.gong;

import java.lang.reflect.Field;
import java.util.Arrays;

import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.SensitiveUtils;

/**
 * Turns Camel's generic failure to bind an option value into a message that names the option, the value and the
 * expected format.
 */
final class GongOptionErrors {

    private GongOptionErrors() {
    }

    /**
     * Returns a validation error for an option value Camel could not convert, or {@code null} when the option is not
     * one of {@link GongConfiguration}'s.
     */
    static GongValidationException invalidOption(PropertyBindingException failure) {
        String name = failure.getPropertyName();
        Field field = configurationField(name);
        if (field == null) {
            return null;
        }
        String value = SensitiveUtils.containsSensitive(name) ? "xxxxxx" : String.valueOf(failure.getValue());
        return new GongValidationException(
                "Invalid option " + name + "=" + value + ": expected " + expected(field)
                                           + ". Fix the value in the endpoint URI or in camel.component.gong.*");
    }

    private static Field configurationField(String name) {
        if (name == null) {
            return null;
        }
        try {
            return GongConfiguration.class.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static String expected(Field field) {
        Class<?> type = field.getType();
        UriParam param = field.getAnnotation(UriParam.class);
        if (param != null && "java.time.Duration".equals(param.javaType())) {
            return "a duration in milliseconds, or with a unit such as 500ms, 10s or 5m";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == double.class || type == Double.class) {
            return "a number, e.g. 3 or 1.5";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        return "a value of type " + type.getSimpleName();
    }
}
