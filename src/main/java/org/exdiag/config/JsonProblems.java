package org.exdiag.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What Jackson's exceptions mean to a person who wrote the document, in one vocabulary for facts files and
 * for the rules' data files alike: the field's path, the shape expected there, the values allowed; never a
 * Java class name.
 */
public final class JsonProblems {
    private JsonProblems() {
    }

    /** An enumeration spelled in documents by its wire names. */
    public interface Wire {
        String wire();
    }

    /** The JSON path of a mapping problem, e.g. {@code dns.mx.records[0].host}; empty at the top. */
    public static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The shape a field of {@code type} must have: "a whole number", "a list", "an object"... */
    public static String expectedShape(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true, false or null";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == java.time.Instant.class) {
            return "an instant such as 2026-11-26T10:15:00Z";
        }
        if (type.isEnum()) {
            return "a string" + allowed(type);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** What a value of {@code type} may be, in parentheses after a message; empty when it says nothing. */
    public static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            String values = Arrays.stream(type.getEnumConstants())
                    .map(c -> c instanceof Wire w ? w.wire() : ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return " (expected one of: " + values + ")";
        }
        if (type == java.time.Instant.class) {
            return " (expected an instant such as 2026-11-26T10:15:00Z)";
        }
        return type == null ? "" : " (expected " + expectedShape(type) + ")";
    }

    public static String locationSuffix(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A parser's message cut to its first line, at most 200 characters. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
