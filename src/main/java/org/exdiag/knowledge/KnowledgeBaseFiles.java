package org.exdiag.knowledge;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;

/**
 * The shapes of the knowledge base's files as written, before any check: what Jackson reads. Only
 * here are the languages spelled out, because they are the files' keys; everything after goes
 * through {@link #byLanguage}.
 */
final class KnowledgeBaseFiles {
    private KnowledgeBaseFiles() {
    }

    /** A warning code's file ({@code MX_INVALID.yaml}). */
    record EntryFile(String code, String severity, String couldNotCheck, LanguageSection en, LanguageSection fr) {
        Map<Language, LanguageSection> sections() {
            return byLanguage(en, fr);
        }
    }

    record LanguageSection(String title, String explanation, List<String> remediation, Map<String, String> evidence) {
    }

    /** {@code messages.yaml}. */
    record MessagesFile(MessagesSection en, MessagesSection fr) {
        Map<Language, MessagesSection> sections() {
            return byLanguage(en, fr);
        }
    }

    record MessagesSection(Map<String, String> words, Map<String, Map<String, String>> values, Map<String, String> evidence) {
    }

    /** The sections of a file by language; a language the file leaves out maps to null. */
    private static <T> Map<Language, T> byLanguage(T en, T fr) {
        Map<Language, T> sections = new EnumMap<>(Language.class);
        sections.put(Language.EN, en);
        sections.put(Language.FR, fr);
        return sections;
    }

    /** The problems found in one file, each placed at the line of the YAML path it names. */
    static final class FileProblems {
        final String name;
        private final List<Problem> problems;
        private final YamlLines lines; // the file is parsed for its lines only when there is something to point at

        FileProblems(String name, Path file, List<Problem> problems) {
            this.name = name;
            this.lines = YamlLines.of(file);
            this.problems = problems;
        }

        void at(String path, String message) {
            problems.add(new Problem(name, path == null ? 0 : lines.lineOf(path), message));
        }

        void addAll(List<Problem> more) {
            problems.addAll(more);
        }

        int count() {
            return problems.size();
        }
    }
}
