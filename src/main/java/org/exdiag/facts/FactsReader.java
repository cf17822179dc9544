package org.exdiag.facts;

import org.exdiag.config.JsonProblems;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads facts documents strictly and within bounds. Anything wrong comes back as a
 * {@link FactsException} with a one-line message and the path of the field at fault; nothing
 * else escapes. Thread-safe: one reader serves a whole batch.
 */
public final class FactsReader {
    private final FactsLimits limits;
    private final LazyReader json;
    private final LazyReader yaml;
    private final YAMLFactory yamlFactory;

    public FactsReader() {
        this(FactsLimits.DEFAULT);
    }

    public FactsReader(FactsLimits limits) {
        this.limits = limits;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxNestingDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(32)
                .maxDocumentLength(limits.maxDocumentBytes())
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        LoaderOptions yamlOptions = new LoaderOptions();
        // Facts never need aliases: no YAML bombs. Jackson does not expand them anyway; AliasCountingParser
        // refuses them (Jackson would hand the alias's name over as the value).
        yamlOptions.setMaxAliasesForCollections(Math.max(limits.maxAliases(), 0));
        yamlOptions.setAllowRecursiveKeys(false);
        yamlOptions.setNestingDepthLimit(limits.maxNestingDepth());
        yamlOptions.setCodePointLimit(limits.maxDocumentBytes());
        yamlOptions.setAllowDuplicateKeys(false);
        YAMLFactory yamlFactory = YAMLFactory.builder()
                .loaderOptions(yamlOptions)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.json = new LazyReader(strict(JsonMapper.builder(jsonFactory)));
        this.yaml = new LazyReader(strict(YAMLMapper.builder(yamlFactory)));
        this.yamlFactory = yamlFactory;
    }

    /**
     * A mapper's reader of facts documents, built on first use: building one builds the deserializers of
     * the whole document, a tenth of the Java code a cold start runs (JFR, both formats), and most runs
     * read one format.
     */
    private static final class LazyReader {
        private final ObjectMapper mapper;
        private volatile ObjectReader reader;

        LazyReader(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        ObjectReader get() {
            ObjectReader r = reader;
            if (r == null) {
                synchronized (this) {
                    r = reader;
                    if (r == null) {
                        reader = r = mapper.readerFor(FactsDocument.class);
                    }
                }
            }
            return r;
        }
    }

    private static ObjectMapper strict(com.fasterxml.jackson.databind.cfg.MapperBuilder<?, ?> builder) {
        ObjectMapper mapper = builder
                .addModule(new JavaTimeModule())
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("exdiag-instants")
                        .addDeserializer(java.time.Instant.class, new InstantReader()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        // "443" is not 443 and "" is not null: a wrong type is an error, not a guess.
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(String.class)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
        mapper.coercionConfigFor(java.time.Instant.class)
                .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }

    public FactsLimits limits() {
        return limits;
    }

    /** Parses one JSON or YAML document. */
    public FactsDocument read(byte[] document, FactsFormat format) throws FactsException {
        if (document.length > limits.maxDocumentBytes()) {
            throw new FactsException("document too large: " + document.length + " bytes (limit "
                    + limits.maxDocumentBytes() + ")", null);
        }
        if (isBlank(document)) {
            throw new FactsException("empty document", null);
        }
        try {
            FactsDocument doc;
            if (format == FactsFormat.YAML) {
                try (com.fasterxml.jackson.core.JsonParser parser =
                             AliasCountingParser.wrap(yamlFactory.createParser(document), limits.maxAliases())) {
                    doc = yaml.get().readValue(parser);
                }
            } else {
                doc = json.get().readValue(document);
            }
            if (doc == null) {
                throw new FactsException("empty document", null);
            }
            return doc;
        } catch (FactsException e) {
            throw e;
        } catch (JsonProcessingException e) {
            // A document that cannot be parsed may not be text at all: say so rather than quote the parser.
            boolean schema = e instanceof MismatchedInputException || e instanceof ValueInstantiationException;
            String notText = schema ? null : org.exdiag.config.TextCheck.problem(document);
            throw notText != null ? new FactsException(notText, null) : describe(e);
        } catch (IOException | RuntimeException e) {
            // The YAML scanner reports some problems (bad characters, limits) as runtime exceptions.
            String notText = org.exdiag.config.TextCheck.problem(document);
            throw new FactsException(notText != null ? notText : "unreadable document: " + JsonProblems.firstLine(e.getMessage()), null);
        }
    }

    private static boolean isBlank(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < bytes.length; i++) {
            if (!Character.isWhitespace(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static FactsException describe(JsonProcessingException e) {
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
