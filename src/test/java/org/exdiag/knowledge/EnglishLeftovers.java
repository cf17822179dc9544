package org.exdiag.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.exdiag.Expertise;

/**
 * Finds English left in a French text: every English word of the knowledge base (words, vocabularies,
 * titles, the literal parts of the evidence templates) that differs from its French counterpart and is
 * long enough to be English rather than a code, a unit or a host. A French report must hold none.
 */
public final class EnglishLeftovers {
    private final Set<String> english = new TreeSet<>();

    public EnglishLeftovers(Expertise expertise) {
        Wording en = expertise.wording(Language.EN);
        Wording fr = expertise.wording(Language.FR);
        en.wordsStartingWith("").forEach((key, text) -> {
            if (!text.equals(fr.word(key))) {
                add(text);
            }
        });
        for (String vocabulary : Wording.REQUIRED_VOCABULARIES) {
            Map<String, String> frVocab = fr.vocabulary(vocabulary);
            en.vocabulary(vocabulary).forEach((value, text) -> {
                if (!text.equals(frVocab.get(value))) {
                    add(text);
                }
            });
        }
        KnowledgeBase kb = expertise.knowledge();
        for (Entry e : kb.entries()) {
            add(e.text(Language.EN).title().source());
            e.text(Language.EN).evidence().values().forEach(t -> literals(t.source()).forEach(this::add));
        }
        for (String tag : kb.sharedEvidenceTags()) {
            literals(kb.evidence("", tag, Language.EN).source()).forEach(this::add);
        }
    }

    private void add(String text) {
        String t = text.strip();
        // Short words (MX, SPF, ok, IMAP, webmail) are the same in both languages or are names.
        if (t.length() >= 8 && t.contains(" ") || t.length() >= 6 && t.chars().allMatch(Character::isLetter)
                && !t.equals(t.toUpperCase(Locale.ROOT))) {
            english.add(t);
        }
    }

    /** The literal runs of a template, places and brackets removed. */
    private static List<String> literals(String template) {
        List<String> parts = new ArrayList<>();
        for (String piece : template.split("\\{[^}]*}|[\\[\\]()\";:]")) {
            if (!piece.isBlank()) {
                parts.add(piece);
            }
        }
        return parts;
    }

    /** The English phrases {@code frenchText} holds, each as whole words. */
    public List<String> in(String frenchText) {
        return english.stream().filter(e -> java.util.regex.Pattern.compile("(?<![\\p{L}])" + java.util.regex.Pattern.quote(e)
                + "(?![\\p{L}])").matcher(frenchText).find()).toList();
    }
}
