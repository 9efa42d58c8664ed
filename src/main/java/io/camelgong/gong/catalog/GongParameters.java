package io.camelgong.gong.catalog;

import java.lang.reflect.Array;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.camelgong.gong.GongValidationException;

/**
 * Merges, checks and normalises the parameters of one Gong operation, so that a request is sent only with valid
 * input. Values come from endpoint options (lowest precedence) and from the message (nested maps, or dotted keys
 * such as {@code filter.callIds}).
 */
public final class GongParameters {

    private static final Pattern GONG_ID = Pattern.compile("\\d{1,20}");
    private static final Pattern BYTE_RANGE = Pattern.compile("bytes=(\\d+-\\d*|-\\d+)");
    private static final Pattern URI_DECODED_PLUS = Pattern.compile("^(\\S+T\\S+) (\\d{2}(?::?\\d{2})?)$");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOW_TO_FIX
            = " Fix the endpoint option or the entry of the CamelGongParams header (or Map body).";

    private GongParameters() {
    }

    /**
     * Resolves the parameters of an operation.
     *
     * @param  operation               the operation the parameters are for
     * @param  optionValues            endpoint option values by option name; {@code null} values are ignored
     * @param  messageParams           parameters from the message, nested or dotted; may be {@code null}
     * @return                         the normalised parameters as nested maps: ids and dates as strings, id lists as
     *                                 {@code List<String>}, booleans as {@code Boolean}
     * @throws GongValidationException naming the parameter, the operation and the expected format
     */
    public static Map<String, Object> resolve(
            GongOperation operation, Map<String, Object> optionValues, Map<String, ?> messageParams) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (messageParams != null) {
            flatten(operation, "", messageParams, flat);
        }
        for (ParamSpec spec : operation.params().values()) {
            Object optionValue = spec.optionName() == null ? null : optionValues.get(spec.optionName());
            if (optionValue != null && !flat.containsKey(spec.path())) {
                flat.put(spec.path(), normalise(operation, spec, optionValue));
            }
        }
        for (ParamSpec spec : operation.params().values()) {
            if (spec.required() && !flat.containsKey(spec.path())) {
                throw new GongValidationException(
                        "Missing required parameter '" + spec.path() + "' for gong:" + operation.name()
                                                  + ": expected " + spec.expected() + "." + optionHint(spec));
            }
        }
        checkRanges(operation, flat);
        return nest(flat);
    }

    /**
     * Checks endpoint options against an operation when the endpoint is created: every option set must be one the
     * operation takes, with a valid value.
     *
     * @throws GongValidationException naming the option, the operation and what it accepts
     */
    public static void checkOptions(GongOperation operation, Map<String, Object> optionValues) {
        Map<String, ParamSpec> byOption = new LinkedHashMap<>();
        for (ParamSpec spec : operation.params().values()) {
            if (spec.optionName() != null) {
                byOption.put(spec.optionName(), spec);
            }
        }
        for (Map.Entry<String, Object> option : optionValues.entrySet()) {
            ParamSpec spec = byOption.get(option.getKey());
            if (spec == null) {
                throw new GongValidationException(
                        "Option '" + option.getKey() + "' is not used by gong:" + operation.name()
                                                  + ": it takes " + (byOption.isEmpty() ? "no parameter options"
                                                          : "the options " + byOption.keySet())
                                                  + ". Remove the option from the endpoint URI.");
            }
            normalise(operation, spec, option.getValue());
        }
    }

    private static void flatten(GongOperation operation, String prefix, Map<?, ?> source, Map<String, Object> flat) {
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            String path = prefix + entry.getKey();
            Object value = entry.getValue();
            ParamSpec spec = operation.params().get(path);
            if (spec != null) {
                if (value != null) {
                    flat.put(path, normalise(operation, spec, value));
                }
            } else if (isObjectPath(operation, path)) {
                if (value instanceof Map<?, ?> nested) {
                    flatten(operation, path + ".", nested, flat);
                } else if (value != null) {
                    throw new GongValidationException(
                            "Invalid parameter '" + path + "' for gong:" + operation.name() + ": expected a Map of "
                                                      + childNames(operation, path) + ", got " + describe(value)
                                                      + "." + HOW_TO_FIX);
                }
            } else {
                throw new GongValidationException(
                        "Unknown parameter '" + path + "' for gong:" + operation.name() + ": expected one of "
                                                  + operation.params().keySet() + "." + HOW_TO_FIX);
            }
        }
    }

    private static boolean isObjectPath(GongOperation operation, String path) {
        String prefix = path + ".";
        return operation.params().keySet().stream().anyMatch(name -> name.startsWith(prefix));
    }

    private static Set<String> childNames(GongOperation operation, String path) {
        String prefix = path + ".";
        Set<String> names = new TreeSet<>();
        for (String name : operation.params().keySet()) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names;
    }

    /**
     * Checks the values of parameter options on an endpoint whose operation comes per message (gong:execute): each
     * value must parse as the type the option has in every operation that takes it.
     *
     * @throws GongValidationException naming the option, its value and the expected format
     */
    public static void checkOptionValues(Map<String, Object> optionValues) {
        for (Map.Entry<String, Object> option : optionValues.entrySet()) {
            GongCatalog.operations().stream()
                    .flatMap(operation -> operation.params().values().stream())
                    .filter(spec -> option.getKey().equals(spec.optionName()))
                    .findFirst()
                    .filter(spec -> convert(spec, option.getValue()) == null)
                    .ifPresent(spec -> {
                        throw new GongValidationException(
                                "Invalid option " + option.getKey() + "=" + option.getValue() + ": expected "
                                                          + spec.expected() + ". Fix the endpoint option.");
                    });
        }
    }

    private static Object normalise(GongOperation operation, ParamSpec spec, Object value) {
        Object normalised = convert(spec, value);
        if (normalised == null) {
            throw new GongValidationException(
                    "Invalid parameter '" + spec.path() + "' for gong:" + operation.name() + ": expected "
                                              + spec.expected() + ", got " + describe(value) + "." + HOW_TO_FIX);
        }
        return normalised;
    }

    private static Object convert(ParamSpec spec, Object value) {
        return switch (spec.type()) {
            case ID -> toId(value);
            case ID_LIST -> toIdList(value);
            case DATE_TIME -> toDateTime(value);
            case DATE -> toDate(value);
            case BOOLEAN -> toBoolean(value);
            case STRING -> toText(value);
            case BYTE_RANGE -> toByteRange(value);
            case ENUM -> toEnum(spec, value);
            case ENUM_LIST -> toEnumList(spec, value);
            case POSITIVE_INTEGER -> toPositiveInteger(value);
            case OBJECT -> toObject(value);
            case FIELD_PATHS -> toFieldPaths(value);
        };
    }

    private static String toId(Object value) {
        String text;
        if (value instanceof CharSequence chars) {
            text = chars.toString().trim();
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            text = value.toString();
        } else {
            return null;
        }
        return GONG_ID.matcher(text).matches() ? text : null;
    }

    private static List<String> toIdList(Object value) {
        List<?> items = toList(value);
        if (items == null || items.isEmpty()) {
            return null;
        }
        List<String> ids = new ArrayList<>(items.size());
        for (Object item : items) {
            String id = toId(item);
            if (id == null) {
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    private static List<?> toList(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray()) {
            int length = Array.getLength(value);
            List<Object> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(Array.get(value, i));
            }
            return items;
        }
        if (value instanceof CharSequence chars) {
            String text = chars.toString().trim();
            if (text.isEmpty()) {
                return List.of();
            }
            List<String> items = new ArrayList<>();
            for (String part : text.split(",")) {
                items.add(part.trim());
            }
            return items;
        }
        return null;
    }

    private static String toDateTime(Object value) {
        if (value instanceof OffsetDateTime dateTime) {
            return dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof ZonedDateTime dateTime) {
            return dateTime.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof CharSequence chars) {
            String text = restorePlus(chars.toString());
            try {
                OffsetDateTime.parse(text);
                return text;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * Parses an ISO-8601 date-time with an offset. A space before the offset is read as the {@code +} it was in
     * an endpoint URI, where {@code +} decodes to a space: {@code 2026-01-01T09:00:00 02:00} is
     * {@code 2026-01-01T09:00:00+02:00}.
     *
     * @throws DateTimeParseException when the text is not such a date-time
     */
    public static OffsetDateTime parseDateTime(String text) {
        return OffsetDateTime.parse(restorePlus(text));
    }

    private static String restorePlus(String text) {
        return URI_DECODED_PLUS.matcher(text.trim()).replaceFirst("$1+$2");
    }

    private static String toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof CharSequence chars) {
            String text = chars.toString().trim();
            try {
                return LocalDate.parse(text).toString();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        if (value instanceof CharSequence chars) {
            String text = chars.toString().trim();
            if ("true".equalsIgnoreCase(text)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(text)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }

    private static Integer toPositiveInteger(Object value) {
        long number;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            number = ((Number) value).longValue();
        } else if (value instanceof CharSequence chars && chars.toString().trim().matches("\\d{1,10}")) {
            number = Long.parseLong(chars.toString().trim());
        } else {
            return null;
        }
        return number > 0 && number <= Integer.MAX_VALUE ? (int) number : null;
    }

    private static Map<String, Object> toObject(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), item));
            return copy;
        }
        if (value instanceof CharSequence chars) {
            try {
                return JSON.readValue(chars.toString(), new TypeReference<Map<String, Object>>() {
                });
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return null;
    }

    private static List<List<String>> toFieldPaths(Object value) {
        List<?> items = toList(value);
        if (items == null || items.isEmpty()) {
            return null;
        }
        List<List<String>> paths = new ArrayList<>(items.size());
        for (Object item : items) {
            List<String> segments = new ArrayList<>();
            if (item instanceof CharSequence chars && !chars.toString().isBlank()) {
                for (String segment : chars.toString().trim().split("\\.")) {
                    segments.add(segment);
                }
            } else if (item instanceof List<?> list && !list.isEmpty()) {
                list.forEach(segment -> segments.add(String.valueOf(segment)));
            } else {
                return null;
            }
            if (segments.stream().anyMatch(String::isBlank)) {
                return null;
            }
            paths.add(segments);
        }
        return paths;
    }

    private static String toByteRange(Object value) {
        if (value instanceof CharSequence chars && BYTE_RANGE.matcher(chars.toString().trim()).matches()) {
            return chars.toString().trim();
        }
        return null;
    }

    private static String toText(Object value) {
        if (value instanceof CharSequence chars && !chars.toString().isBlank()) {
            return chars.toString();
        }
        return null;
    }

    private static String toEnum(ParamSpec spec, Object value) {
        if (value instanceof CharSequence chars && spec.allowedValues().contains(chars.toString())) {
            return chars.toString();
        }
        return null;
    }

    private static List<String> toEnumList(ParamSpec spec, Object value) {
        List<?> items = toList(value);
        if (items == null || items.isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>(items.size());
        for (Object item : items) {
            String text = toEnum(spec, item);
            if (text == null) {
                return null;
            }
            values.add(text);
        }
        return values;
    }

    private static void checkRanges(GongOperation operation, Map<String, Object> flat) {
        for (GongOperation.DateRange range : operation.dateRanges()) {
            Object from = flat.get(range.from());
            Object to = flat.get(range.to());
            ParamType type = operation.params().get(range.to()).type();
            // Gong rejects stats dates unless the start is before the exclusive end; an empty date-time window is
            // accepted and simply matches nothing.
            int order = from == null || to == null ? -1 : compare(type, from, to);
            if (order > 0 || order == 0 && type == ParamType.DATE) {
                throw new GongValidationException(
                        "Invalid date range for gong:" + operation.name() + ": '" + range.from() + "' " + from
                                                  + (order == 0 ? " is the same as '" : " is after '") + range.to()
                                                  + "' " + to
                                                  + "; expected the start before the end (the end is exclusive)."
                                                  + HOW_TO_FIX);
            }
            if (range.notInFuture() && to != null && LocalDate.parse((String) to).isAfter(latestToday())) {
                throw new GongValidationException(
                        "Invalid parameter '" + range.to() + "' for gong:" + operation.name() + ": " + to
                                                  + " is after today; Gong accepts an exclusive end date of today"
                                                  + " at the latest." + HOW_TO_FIX);
            }
        }
    }

    private static int compare(ParamType type, Object from, Object to) {
        if (type == ParamType.DATE) {
            return LocalDate.parse((String) from).compareTo(LocalDate.parse((String) to));
        }
        return parseDateTime((String) from).toInstant().compareTo(parseDateTime((String) to).toInstant());
    }

    // Gong reads stats dates in the company's time zone, which the component does not know; the latest date on
    // Earth (UTC+14) never rejects a date that is already today somewhere.
    private static LocalDate latestToday() {
        return LocalDate.now(ZoneOffset.ofHours(14));
    }

    private static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> nested = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : flat.entrySet()) {
            String[] segments = entry.getKey().split("\\.");
            Map<String, Object> target = nested;
            for (int i = 0; i < segments.length - 1; i++) {
                target = child(target, segments[i]);
            }
            target.put(segments[segments.length - 1], entry.getValue());
        }
        return nested;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String name) {
        return (Map<String, Object>) parent.computeIfAbsent(name, key -> new LinkedHashMap<String, Object>());
    }

    private static String optionHint(ParamSpec spec) {
        String message = spec.optionName() != null
                ? " Set the endpoint option '" + spec.optionName() + "' or the entry '" + spec.path()
                  + "' of the CamelGongParams header (or Map body)."
                : " Set the entry '" + spec.path() + "' of the CamelGongParams header (or Map body).";
        return message;
    }

    // Names the interface for collections, so that List.of(...) reads as List rather than ListN.
    private static String typeName(Object value) {
        if (value instanceof List) {
            return "List";
        }
        if (value instanceof Set) {
            return "Set";
        }
        if (value instanceof Map) {
            return "Map";
        }
        return value.getClass().getSimpleName();
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 60) + "...";
        }
        return typeName(value) + " '" + text + "'";
    }
}
