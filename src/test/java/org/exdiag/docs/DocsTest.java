package org.exdiag.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.exdiag.knowledge.Entry;
import org.junit.jupiter.api.Test;

/** The docs stand alone: they link to nothing outside the repository, and the report format lists every code. */
class DocsTest {
    @Test
    void noDocLinksOutOfTheRepository() throws Exception {
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            for (Path doc : Stream.concat(docs.filter(p -> p.toString().endsWith(".md")), Stream.of(Path.of("README.md"))).toList()) {
                assertThat(Files.readString(doc)).as(doc.toString()).doesNotContain("../shared");
            }
        }
    }

    @Test
    void theReportFormatListsEveryWarningCodeOfTheKnowledgeBaseWithItsSeverity() throws Exception {
        String doc = Files.readString(Path.of("docs/report-format.md"));
        Matcher row = Pattern.compile("(?m)^\\| `([A-Z_]+)` \\| (error|warning|notice) \\|").matcher(doc);
        Set<String> listed = new TreeSet<>();
        while (row.find()) {
            listed.add(row.group(1) + " " + row.group(2));
        }
        Set<String> known = new TreeSet<>();
        for (Entry e : TestSupport.expertise().knowledge().entries()) {
            known.add(e.code() + " " + e.severity().wire());
        }
        assertThat(listed).as("docs/report-format.md's table (python3 docs/warning-codes.py --write regenerates it)").isEqualTo(known);
    }
}
