package org.exdiag.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads the YAML files support engineers edit (expected values, reply patterns, knowledge base,
 * scenarios): strict about unknown fields, bounded like facts files, and every failure reported
 * as a {@link Problem} with file and line.
 */
public final class ConfigYaml {
    private static final int MAX_FILE_BYTES = 4 << 20;
    private static final ObjectMapper MAPPER = build();

    private ConfigYaml() {
    }

    private static ObjectMapper build() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        options.setNestingDepthLimit(64);
        options.setCodePointLimit(MAX_FILE_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return YAMLMapper.builder(factory)
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The mapper, for callers that convert parts of a file (e.g. a facts document inside a scenario). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A file read as {@code type} and as a tree, from one parse. */
    public record WithTree<T>(T value, com.fasterxml.jackson.databind.JsonNode tree) {
    }

    /**
     * As {@link #readRequired}, with the file's tree too (for values read by path), parsed once. A file
     * the tree does not convert is read again as {@code type}, for the problem with its line: only on
     * the way to an error.
     */
    public static <T> WithTree<T> readRequiredWithTree(Path file, String shownName, Class<T> type) throws LoadException {
        com.fasterxml.jackson.databind.JsonNode tree = readRequired(file, shownName, com.fasterxml.jackson.databind.JsonNode.class);
        if (tree.isObject()) {
            try {
                T value = MAPPER.treeToValue(tree, type);
                if (value != null) {
                    return new WithTree<>(value, tree);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // read again below: the problem is worded and located as a direct read words and locates it
            }
        }
        return new WithTree<>(read(file, shownName, type), tree);
    }

    /** As {@link #read}, for a file the folder must hold: its absence is the problem "missing". */
    public static <T> T readRequired(Path file, String shownName, Class<T> type) throws LoadException {
        if (!Files.isRegularFile(file)) {
            throw new LoadException(List.of(new Problem(shownName, 0, "missing")));
        }
        return read(file, shownName, type);
    }

    public static <T> T read(Path file, String shownName, Class<T> type) throws LoadException {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new LoadException(List.of(new Problem(shownName, 0, "file larger than " + MAX_FILE_BYTES + " bytes")));
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new LoadException(List.of(new Problem(shownName, 0, "cannot read: " + e.getMessage())));
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new LoadException(List.of(new Problem(shownName, 0, "file is empty")));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new LoadException(List.of(describe(e, file, shownName, bytes, type)));
        } catch (IOException | RuntimeException e) {
            String notText = TextCheck.problem(bytes);
            throw new LoadException(List.of(new Problem(shownName, 0, notText != null ? notText : "cannot read: " + JsonProblems.firstLine(e.getMessage()))));
        }
    }

    /**
     * A problem a person who edits YAML understands: the field and its line, what was expected, and never
     * a Java class name. The line is where the field is in the file; a position past the end (the parser
     * reporting the end of the file) is the last line.
     */
    private static Problem describe(JsonProcessingException e, Path file, String shownName, byte[] bytes, Class<?> type) {
        int lastLine = Math.max(1, (int) new String(bytes, java.nio.charset.StandardCharsets.UTF_8).strip().lines().count());
        int line = e.getLocation() == null ? 0 : Math.min(e.getLocation().getLineNr(), lastLine);
        String path = e instanceof JsonMappingException m ? JsonProblems.path(m) : "";
        if (!path.isEmpty()) {
            int at = YamlLines.of(file).lineOf(path);
            line = at > 0 ? at : line;
        }
        String message;
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException unknown) {
            java.util.List<String> known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
            message = "unknown field \"" + unknown.getPropertyName() + "\"" + (known.isEmpty() ? "" : " (expected one of: "
                    + String.join(", ", known) + ")");
            int dot = path.lastIndexOf('.');
            path = dot < 0 ? "" : path.substring(0, dot); // the field is in the message already
        } else if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            String expected = target == com.fasterxml.jackson.databind.JsonNode.class || target != null && java.util.Map.class.isAssignableFrom(target)
                    ? "an object" : JsonProblems.expectedShape(target);
            message = path.isEmpty() && target == type ? "not a file of this kind: expected a mapping of fields at the top"
                    : "wrong type: expected " + expected;
        } else {
            String notText = TextCheck.problem(bytes);
            message = notText != null ? notText : "syntax error: " + JsonProblems.firstLine(e.getOriginalMessage());
        }
        return new Problem(shownName, line, path.isEmpty() ? message : path + ": " + message);
    }

}
