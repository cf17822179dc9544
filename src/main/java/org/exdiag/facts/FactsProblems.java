package org.exdiag.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.exdiag.config.JsonProblems;

/**
 * Jackson's exceptions on a facts document, said as one line and the path of the field at fault
 * (with the words {@link JsonProblems} shares with the rules' data files).
 */
final class FactsProblems {
    private FactsProblems() {
    }

    static FactsException describe(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidFactException invalid) {
            String parent = JsonProblems.path((JsonMappingException) e);
            String field = invalid.field().isEmpty() ? parent : join(parent, invalid.field());
            return new FactsException(invalid.getMessage(), field.isEmpty() ? null : field);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new FactsException("unknown field \"" + unknown.getPropertyName() + "\"", JsonProblems.path(unknown));
        }
        if (e instanceof InvalidFormatException bad) {
            return new FactsException("invalid value " + shown(bad.getValue()) + JsonProblems.allowed(bad.getTargetType()),
                    emptyToNull(JsonProblems.path(bad)));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = emptyToNull(JsonProblems.path(mismatch));
            String original = String.valueOf(mismatch.getOriginalMessage());
            if (original.startsWith("No content to map")) {
                return new FactsException("empty document", null);
            }
            if (original.startsWith("Trailing token")) {
                return new FactsException("more than one document: content after the first" + JsonProblems.locationSuffix(mismatch.getLocation()), null);
            }
            String expected = JsonProblems.expectedShape(mismatch.getTargetType());
            return new FactsException(field == null && mismatch.getTargetType() == FactsDocument.class
                    ? "a facts document must be an object (a mapping of fields)"
                    : "wrong type: expected " + expected + JsonProblems.locationSuffix(mismatch.getLocation()), field);
        }
        if (e instanceof StreamConstraintsException) {
            return new FactsException("document exceeds a reader limit: " + JsonProblems.firstLine(e.getOriginalMessage()), null);
        }
        if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof StreamConstraintsException c) {
            return new FactsException("document exceeds a reader limit: " + JsonProblems.firstLine(c.getOriginalMessage()),
                    emptyToNull(JsonProblems.path(mapping)));
        }
        String field = e instanceof JsonMappingException mapping ? emptyToNull(JsonProblems.path(mapping)) : parserPath(e);
        return new FactsException("syntax error: " + JsonProblems.firstLine(e.getOriginalMessage())
                + JsonProblems.locationSuffix(e.getLocation()), field);
    }

    /** Where the parser was when it failed, e.g. {@code smtp.port}; null at the top level. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser)) {
            return null;
        }
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (com.fasterxml.jackson.core.JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            }
        }
        String path = String.join("", parts);
        return path.isEmpty() ? null : path.substring(path.startsWith(".") ? 1 : 0);
    }

    private static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String shown(Object value) {
        return value instanceof String s ? Hosts.quoteForError(s) : String.valueOf(value);
    }
}
