package org.exdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.exdiag.TestSupport;
import org.junit.jupiter.api.Test;

/**
 * The words exdiag's own code asks for exist in messages.yaml: the report code's keys are the ones
 * rules check requires (Wording.REQUIRED), and every word and vocabulary the web page asks for is served.
 */
class WordingTest {
    private static Set<String> found(Path folder, String glob, Pattern pattern) throws Exception {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName())).toList()) {
                Matcher m = pattern.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }

    @Test
    void theReportCodeAsksForExactlyTheRequiredWords() throws Exception {
        Path report = Path.of("src/main/java/org/exdiag/report");
        Set<String> used = found(report, "*.java", Pattern.compile("\"((?:punctuation|list|value|verdict|report|help|digest)\\.[A-Za-z]+)\""));
        used.add("verdict.healthy");  // the verdict's words are asked for by name: "verdict." + verdict
        used.add("verdict.problems");
        used.add("verdict.incomplete");
        used.add("punctuation.colon"); // Wording.colon()
        used.add("list.or");           // Wording.show, for {list|or}
        used.add("list.and");
        used.add("punctuation.decimal"); // Wording.show, for {bytes|size}
        used.add("unit.gib");
        used.add("unit.mib");
        assertThat(new TreeSet<>(Wording.REQUIRED)).isEqualTo(used);
        Set<String> vocabularies = found(report, "*.java", Pattern.compile("(?:vocab|value)\\(\"([a-z-]+)\""));
        assertThat(Wording.REQUIRED_VOCABULARIES).containsAll(vocabularies);
    }

    @Test
    void everyWordThePageAsksForIsServedInEveryLanguage() throws Exception {
        Set<String> asked = found(Path.of("src/main/resources/web"), "app.js", Pattern.compile("word\\('([A-Za-z]+)'\\)"));
        asked.addAll(found(Path.of("src/main/resources/web"), "index.html", Pattern.compile("data-word(?:-label)?=\"([A-Za-z]+)\"")));
        assertThat(asked).hasSizeGreaterThan(20);
        for (Language lang : Language.values()) {
            Map<String, String> served = TestSupport.expertise().wording(lang).wordsStartingWith("page.");
            assertThat(served.keySet()).as(lang.tag()).containsAll(asked);
        }
    }
}
