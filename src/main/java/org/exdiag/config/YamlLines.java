package org.exdiag.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where a value sits in a YAML file that was read: the line of {@code fr.evidence.MX_HOST_NOT_VALID} or
 * {@code patterns[3].category}, so that a problem found after reading still names its line. The file is
 * parsed again for its lines only when a line is asked for, that is when there is a problem to report
 * (parsing it at every start cost some 25 ms of the rule folder's reading); anything it cannot find is
 * line 0 ("the file"). Not thread-safe: one reader's.
 */
public final class YamlLines {
    private final Path file;
    private Node root;
    private boolean composed;

    private YamlLines(Path file) {
        this.file = file;
    }

    public static YamlLines of(Path file) {
        return new YamlLines(file);
    }

    private Node root() {
        if (!composed) {
            composed = true;
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(50);
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                root = new Yaml(options).compose(in);
            } catch (IOException | RuntimeException e) {
                root = null;
            }
        }
        return root;
    }

    /** The 1-based line of the value at {@code path} (keys separated by dots, list items as [i]), or of its nearest parent. */
    public int lineOf(String path) {
        Node node = root();
        int line = 0;
        for (String step : path.replace("[", ".[").split("\\.")) {
            if (step.isEmpty() || node == null) {
                continue;
            }
            Node next = null;
            if (step.startsWith("[") && node instanceof SequenceNode seq) {
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                next = index < seq.getValue().size() ? seq.getValue().get(index) : null;
            } else if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals(step)) {
                        next = t.getValueNode();
                        line = t.getKeyNode().getStartMark().getLine() + 1;
                        break;
                    }
                }
            }
            if (next == null) {
                return line;
            }
            if (!(node instanceof MappingNode)) {
                line = next.getStartMark().getLine() + 1;
            }
            node = next;
        }
        return line;
    }
}
