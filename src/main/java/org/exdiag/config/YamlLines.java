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
 * {@code patterns[3].category}, so that a problem found after reading still names its line. Built only
 * when there is a problem to report; anything it cannot find is line 0 ("the file").
 */
public final class YamlLines {
    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    public static YamlLines of(Path file) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new YamlLines(new Yaml(options).compose(in));
        } catch (IOException | RuntimeException e) {
            return new YamlLines(null);
        }
    }

    /** The 1-based line of the value at {@code path} (keys separated by dots, list items as [i]), or of its nearest parent. */
    public int lineOf(String path) {
        Node node = root;
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
