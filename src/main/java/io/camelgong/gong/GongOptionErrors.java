package io.camelgong.gong;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.UriParam;
import org.apache.camel.util.SensitiveUtils;

/**
 * Turns Camel's generic failure to bind an option value into a message that names the option, the value and the
 * expected format.
 */
final class GongOptionErrors {

    // The forms Camel's duration conversion reads in full, which are whole milliseconds or units in the order d, h, m,
    // s and ms.
    private static final Pattern DURATION = Pattern.compile("-?\\d+|(?=\\d)(\\d+d)?(\\d+h)?(\\d+m)?(\\d+s)?(\\d+ms)?");

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

    /**
     * Rejects a duration option whose text Camel would read as something else. Camel 4.22's TimeUtils turns text it
     * does not recognise, such as abc or 1.5, into 0 ms, and reads 1h2x as one hour, so a typing mistake in
     * requestTimeout would silently mean no limit.
     *
     * @throws GongValidationException for a text that is neither whole milliseconds nor Camel's pattern of units
     */
    static void checkDurations(Map<String, Object> parameters) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            Field field = configurationField(parameter.getKey());
            if (field != null && isDuration(field) && parameter.getValue() instanceof String text
                    && !DURATION.matcher(text).matches()) {
                throw new GongValidationException(
                        "Invalid option " + parameter.getKey() + "=" + text + ": expected " + expected(field)
                                                  + ". Fix the value in the endpoint URI");
            }
        }
    }

    private static boolean isDuration(Field field) {
        UriParam param = field.getAnnotation(UriParam.class);
        return param != null && "java.time.Duration".equals(param.javaType());
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
        if (isDuration(field)) {
            return "a duration in milliseconds, or with units such as 500ms, 10s, 5m or 1h30m";
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
