package org.exdiag.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;

/**
 * Every word a reader sees, in each language. The knowledge-base folder holds one file per warning code
 * ({@code MX_INVALID.yaml}: severity, title, explanation, remediation and evidence templates in en and
 * fr) and {@code messages.yaml}: the words of reports and of the web page, the vocabularies that
 * translate facts values, and the evidence templates several codes share. Immutable; read by
 * {@link KnowledgeBaseLoader}.
 */
public final class KnowledgeBase {
    public static final String MESSAGES = "messages.yaml";

    private final Map<String, Entry> entries;
    private final Map<Language, Map<String, Template>> sharedEvidence;
    private final Map<Language, Wording> wordings;
    private final Path folder;
    private final String origin;

    KnowledgeBase(Map<String, Entry> entries, Map<Language, Map<String, Template>> sharedEvidence,
                          Map<Language, Wording> wordings, Path folder, String origin) {
        this.entries = Map.copyOf(entries);
        this.sharedEvidence = sharedEvidence;
        this.wordings = wordings;
        this.folder = folder;
        this.origin = origin;
    }

    public Optional<Entry> entry(String code) {
        return Optional.ofNullable(entries.get(code));
    }

    /** All entries, sorted by code. */
    public Collection<Entry> entries() {
        return new TreeMap<>(entries).values();
    }

    public String origin() {
        return origin;
    }

    /** The words of {@code language}, without the rules' data ({@link Wording#withExpected}). */
    public Wording wording(Language language) {
        return wordings.get(language);
    }

    /** The template of an evidence tag raised under {@code code}: the code's own, else a shared one; null when neither has it. */
    public Template evidence(String code, String tag, Language language) {
        Entry entry = entries.get(code);
        Template own = entry == null ? null : entry.text(language).evidence().get(tag);
        return own != null ? own : sharedEvidence.get(language).get(tag);
    }

    /** The shared evidence tags (messages.yaml), for the checks. */
    public Set<String> sharedEvidenceTags() {
        return sharedEvidence.get(Language.EN).keySet();
    }

    /** Every template of the base with where it is written, for the checks against the rules. */
    public List<Located> templates() {
        List<Located> all = new ArrayList<>();
        for (Entry e : entries()) {
            for (Language lang : Language.values()) {
                EntryText t = e.text(lang);
                String name = e.code() + ".yaml";
                all.add(new Located(name, lang.tag() + ".title", t.title()));
                all.add(new Located(name, lang.tag() + ".explanation", t.explanation()));
                for (int i = 0; i < t.remediation().size(); i++) {
                    all.add(new Located(name, lang.tag() + ".remediation[" + i + "]", t.remediation().get(i)));
                }
                t.evidence().forEach((tag, template) -> all.add(new Located(name, lang.tag() + ".evidence." + tag, template)));
            }
            if (e.couldNotCheck() != null) {
                all.add(new Located(e.code() + ".yaml", "couldNotCheck", e.couldNotCheck()));
            }
        }
        for (Language lang : Language.values()) {
            sharedEvidence.get(lang).forEach((tag, template) ->
                    all.add(new Located(MESSAGES, lang.tag() + ".evidence." + tag, template)));
        }
        return all;
    }

    /** A template and where it is written: a file of the folder, and the path in it ({@code fr.evidence.TAG}). */
    public record Located(String fileName, String path, Template template) {
    }

    /** The problem {@code message} at {@code located}'s line. */
    public Problem problemAt(Located located, String message) {
        return new Problem(origin + "/" + located.fileName(), YamlLines.of(folder.resolve(located.fileName())).lineOf(located.path()),
                located.path() + ": " + message);
    }
}
