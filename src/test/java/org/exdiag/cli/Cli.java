package org.exdiag.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the command line in-process and captures what it prints. */
public record Cli(int exitCode, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** As {@link #run(String...)}, with {@code stdin} as standard input (a password, say); nothing global is swapped. */
    public static Cli runWithInput(String stdin, String... args) {
        return run(new java.io.ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)), args);
    }

    public static Cli run(String... args) {
        return run(new java.io.ByteArrayInputStream(new byte[0]), args);
    }

    private static Cli run(java.io.InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine(stdin);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Cli(code, out.toString(), err.toString());
    }

    /** Standard output read as one JSON document (a single report, say). */
    public JsonNode json() throws IOException {
        return JSON.readTree(out);
    }

    /** Standard output read as JSON lines, one record a line (a batch), blank lines passed over. */
    public List<JsonNode> jsonLines() throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }
}
