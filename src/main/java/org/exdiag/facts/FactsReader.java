package org.exdiag.facts;

import org.exdiag.config.JsonProblems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;

/**
 * Reads facts documents strictly and within bounds. Anything wrong comes back as a
 * {@link FactsException} with a one-line message and the path of the field at fault; nothing
 * else escapes (set-up in {@link FactsMappers}, the messages in {@link FactsProblems}). Thread-safe: one
 * reader serves a whole batch.
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
        FactsMappers mappers = FactsMappers.of(limits);
        this.json = new LazyReader(mappers.json());
        this.yaml = new LazyReader(mappers.yaml());
        this.yamlFactory = mappers.yamlFactory();
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
            throw notText != null ? new FactsException(notText, null) : FactsProblems.describe(e);
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
}
