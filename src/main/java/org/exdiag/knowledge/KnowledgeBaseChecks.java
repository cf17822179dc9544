package org.exdiag.knowledge;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.exdiag.knowledge.KnowledgeBaseFiles.EntryFile;
import org.exdiag.knowledge.KnowledgeBaseFiles.FileProblems;
import org.exdiag.knowledge.KnowledgeBaseFiles.LanguageSection;
import org.exdiag.knowledge.KnowledgeBaseFiles.MessagesFile;
import org.exdiag.knowledge.KnowledgeBaseFiles.MessagesSection;

/**
 * What a knowledge-base file must hold before it is used, checked on the file as read: an entry's code
 * is its file's name, its severity one of three, every language present and complete, and every key
 * of one language in the others (a word missing in French would show its key to a French reader).
 * Templates are checked as they are parsed, by {@link KnowledgeBaseLoader}.
 */
final class KnowledgeBaseChecks {
    private KnowledgeBaseChecks() {
    }

    /** Whether the entry file can be built; its problems are added to {@code problems}. */
    static boolean entry(EntryFile f, String expectedCode, FileProblems problems) {
        int before = problems.count();
        if (f.code() == null || !f.code().equals(expectedCode)) {
            problems.at("code", "code: must be " + expectedCode + ", the file's name");
        }
        if (severity(f.severity()) == null) {
            problems.at("severity", "severity: expected error, warning or notice, got " + f.severity());
        }
        f.sections().forEach((language, text) -> {
            String lang = language.tag();
            if (text == null) {
                problems.at(null, lang + ": missing (every entry needs " + tags() + ")");
            } else if (isBlank(text.title()) || isBlank(text.explanation()) || text.remediation() == null
                    || text.remediation().isEmpty()) {
                problems.at(lang, lang + ": title, explanation and at least one remediation step are required");
            }
        });
        sameKeysInEveryLanguage(f.sections(), "evidence", LanguageSection::evidence, problems);
        return problems.count() == before;
    }

    /** Whether messages.yaml can be built; its problems are added to {@code problems}. */
    static boolean messages(MessagesFile f, FileProblems problems) {
        int before = problems.count();
        Map<Language, MessagesSection> sections = f.sections();
        sections.forEach((language, m) -> {
            if (m == null || m.words() == null) {
                problems.at(null, language.tag() + ": missing, or without words (every language needs them all)");
            }
        });
        if (problems.count() > before) {
            return false;
        }
        sameKeysInEveryLanguage(sections, "words", MessagesSection::words, problems);
        sameKeysInEveryLanguage(sections, "evidence", MessagesSection::evidence, problems);
        sameKeysInEveryLanguage(sections, "values", MessagesSection::values, problems);
        for (String vocabulary : orEmpty(sections.get(Language.EN).values()).keySet()) {
            sameKeysInEveryLanguage(sections, "values." + vocabulary, m -> orEmpty(m.values()).get(vocabulary), problems);
        }
        return problems.count() == before;
    }

    /** The severity a file names, or null when it names none of them. */
    static Severity severity(String written) {
        try {
            return Severity.valueOf(String.valueOf(written).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every key of the first language's section is in each other language's, and the other way round. */
    private static <S> void sameKeysInEveryLanguage(Map<Language, S> sections, String section,
                                                    java.util.function.Function<S, Map<String, ?>> part,
                                                    FileProblems problems) {
        Language first = Language.values()[0];
        if (sections.get(first) == null) {
            return;
        }
        Set<String> reference = orEmpty(part.apply(sections.get(first))).keySet();
        sections.forEach((language, s) -> {
            if (language == first || s == null) {
                return;
            }
            Set<String> keys = orEmpty(part.apply(s)).keySet();
            missing(reference, keys).forEach(key -> problems.at(first.tag() + "." + section + "." + key,
                    language.tag() + "." + section + ": no \"" + key + "\" (" + first.tag() + " has it)"));
            missing(keys, reference).forEach(key -> problems.at(language.tag() + "." + section + "." + key,
                    first.tag() + "." + section + ": no \"" + key + "\" (" + language.tag() + " has it)"));
        });
    }

    private static Set<String> missing(Set<String> from, Set<String> in) {
        Set<String> absent = new TreeSet<>(from);
        absent.removeAll(in);
        return absent;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    static String tags() {
        return String.join(" and ", java.util.Arrays.stream(Language.values()).map(Language::tag).toList());
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
