package org.exdiag.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.exdiag.config.ConfigYaml;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.config.YamlLines;

/**
 * Every word a reader sees, in each language. The knowledge-base folder holds one file per warning code
 * ({@code MX_INVALID.yaml}: severity, title, explanation, remediation and evidence templates in en and
 * fr) and {@code messages.yaml}: the words of reports and of the web page, the vocabularies that
 * translate facts values, and the evidence templates several codes share. Immutable.
 */
public final class KnowledgeBase {
    public static final String MESSAGES = "messages.yaml";
    private static final String ENTRY_NAME = "[A-Z][A-Z0-9_]*\\.yaml";

    private final Map<String, Entry> entries;
    private final Map<Language, Map<String, Template>> sharedEvidence;
    private final Map<Language, Wording> wordings;
    private final Path folder;
    private final String origin;

    private KnowledgeBase(Map<String, Entry> entries, Map<Language, Map<String, Template>> sharedEvidence,
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

    // --- loading

    record LanguageSection(String title, String explanation, List<String> remediation, Map<String, String> evidence) {
    }

    record EntryFile(String code, String severity, String couldNotCheck, LanguageSection en, LanguageSection fr) {
    }

    record MessagesSection(Map<String, String> words, Map<String, Map<String, String>> values, Map<String, String> evidence) {
    }

    record MessagesFile(MessagesSection en, MessagesSection fr) {
    }

    public static KnowledgeBase load(Path folder, String shown) throws LoadException {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(List.of(new Problem(shown, 0, "not a folder")));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, Entry> entries = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new LoadException(List.of(new Problem(shown, 0, "cannot list: " + e.getMessage())));
        }
        Map<Language, Map<String, Template>> shared = new EnumMap<>(Language.class);
        Map<Language, Wording> wordings = new EnumMap<>(Language.class);
        Path messages = folder.resolve(MESSAGES);
        if (!Files.isRegularFile(messages)) {
            problems.add(new Problem(shown + "/" + MESSAGES, 0, "missing: the words of reports and of the web page live there"));
        } else {
            readMessages(messages, shown + "/" + MESSAGES, shared, wordings, problems);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = shown + "/" + fileName;
            if (fileName.equals(MESSAGES)) {
                continue;
            }
            if (!fileName.matches(ENTRY_NAME)) {
                problems.add(new Problem(name, 0, "not a knowledge-base file: entries are named after their code "
                        + "(MX_INVALID.yaml); shared words go in " + MESSAGES));
                continue;
            }
            try {
                Entry entry = toEntry(ConfigYaml.read(file, name, EntryFile.class), fileName, name, file, problems);
                if (entry != null) {
                    entries.put(entry.code(), entry);
                }
            } catch (LoadException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new KnowledgeBase(entries, shared, wordings, folder, shown);
    }

    private static void readMessages(Path file, String name, Map<Language, Map<String, Template>> shared,
                                     Map<Language, Wording> wordings, List<Problem> problems) {
        MessagesFile f;
        try {
            f = ConfigYaml.read(file, name, MessagesFile.class);
        } catch (LoadException e) {
            problems.addAll(e.problems());
            return;
        }
        Map<Language, MessagesSection> sections = new EnumMap<>(Language.class);
        sections.put(Language.EN, f.en());
        sections.put(Language.FR, f.fr());
        for (Map.Entry<Language, MessagesSection> s : sections.entrySet()) {
            String lang = s.getKey().tag();
            MessagesSection m = s.getValue();
            if (m == null || m.words() == null) {
                problems.add(new Problem(name, 0, lang + ": missing, or without words (every language needs them all)"));
                continue;
            }
            Map<String, Template> evidence = new LinkedHashMap<>();
            if (m.evidence() != null) {
                for (Map.Entry<String, String> e : m.evidence().entrySet()) {
                    Template t = template(e.getValue(), name, lang + ".evidence." + e.getKey(), file, problems);
                    if (t != null) {
                        evidence.put(e.getKey(), t);
                    }
                }
            }
            shared.put(s.getKey(), Map.copyOf(evidence));
            Map<String, Map<String, String>> values = new TreeMap<>();
            if (m.values() != null) {
                m.values().forEach((vocab, map) -> values.put(vocab, map == null ? Map.of() : Map.copyOf(map)));
            }
            wordings.put(s.getKey(), new Wording(s.getKey(), Map.copyOf(m.words()), Map.copyOf(values), null));
        }
        if (f.en() != null && f.fr() != null && f.en().words() != null && f.fr().words() != null) {
            sameKeys(name, "words", f.en().words(), f.fr().words(), file, problems);
            sameKeys(name, "evidence", orEmpty(f.en().evidence()), orEmpty(f.fr().evidence()), file, problems);
            Map<String, Map<String, String>> enValues = orEmpty(f.en().values());
            Map<String, Map<String, String>> frValues = orEmpty(f.fr().values());
            sameKeys(name, "values", enValues, frValues, file, problems);
            enValues.forEach((vocab, map) -> {
                if (frValues.containsKey(vocab)) {
                    sameKeys(name, "values." + vocab, orEmpty(map), orEmpty(frValues.get(vocab)), file, problems);
                }
            });
        }
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** Every key of one language must be in the other: a word missing in French would show its key. */
    private static void sameKeys(String name, String section, Map<String, ?> en, Map<String, ?> fr, Path file,
                                 List<Problem> problems) {
        Set<String> onlyEn = new TreeSet<>(en.keySet());
        onlyEn.removeAll(fr.keySet());
        Set<String> onlyFr = new TreeSet<>(fr.keySet());
        onlyFr.removeAll(en.keySet());
        if (onlyEn.isEmpty() && onlyFr.isEmpty()) {
            return;
        }
        YamlLines lines = YamlLines.of(file); // only read again when there is something to point at
        onlyEn.forEach(key -> problems.add(new Problem(name, lines.lineOf("en." + section + "." + key),
                "fr." + section + ": no \"" + key + "\" (en has it)")));
        onlyFr.forEach(key -> problems.add(new Problem(name, lines.lineOf("fr." + section + "." + key),
                "en." + section + ": no \"" + key + "\" (fr has it)")));
    }

    private static Entry toEntry(EntryFile f, String fileName, String name, Path file, List<Problem> problems) {
        int before = problems.size();
        String expectedCode = fileName.substring(0, fileName.length() - ".yaml".length());
        if (f.code() == null || !f.code().equals(expectedCode)) {
            problems.add(new Problem(name, YamlLines.of(file).lineOf("code"), "code: must be " + expectedCode + ", the file's name"));
        }
        Severity severity = null;
        try {
            severity = Severity.valueOf(String.valueOf(f.severity()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, YamlLines.of(file).lineOf("severity"),
                    "severity: expected error, warning or notice, got " + f.severity()));
        }
        Template couldNotCheck = f.couldNotCheck() == null ? null : template(f.couldNotCheck(), name, "couldNotCheck", file, problems);
        Map<Language, LanguageSection> sections = new EnumMap<>(Language.class);
        sections.put(Language.EN, f.en());
        sections.put(Language.FR, f.fr());
        Map<Language, EntryText> texts = new EnumMap<>(Language.class);
        for (Map.Entry<Language, LanguageSection> s : sections.entrySet()) {
            LanguageSection text = s.getValue();
            String lang = s.getKey().tag();
            if (text == null) {
                problems.add(new Problem(name, 0, lang + ": missing (every entry needs en and fr)"));
            } else if (isBlank(text.title()) || isBlank(text.explanation()) || text.remediation() == null
                    || text.remediation().isEmpty()) {
                problems.add(new Problem(name, YamlLines.of(file).lineOf(lang),
                        lang + ": title, explanation and at least one remediation step are required"));
            } else {
                texts.put(s.getKey(), entryText(text, name, lang, file, problems));
            }
        }
        if (f.en() != null && f.fr() != null) {
            sameKeys(name, "evidence", orEmpty(f.en().evidence()), orEmpty(f.fr().evidence()), file, problems);
        }
        return problems.size() > before ? null : new Entry(f.code(), severity, couldNotCheck, Map.copyOf(texts));
    }

    private static EntryText entryText(LanguageSection s, String name, String lang, Path file, List<Problem> problems) {
        Template title = template(s.title(), name, lang + ".title", file, problems);
        Template explanation = template(s.explanation(), name, lang + ".explanation", file, problems);
        List<Template> remediation = new ArrayList<>();
        for (int i = 0; i < s.remediation().size(); i++) {
            Template t = template(s.remediation().get(i), name, lang + ".remediation[" + i + "]", file, problems);
            if (t != null) {
                remediation.add(t);
            }
        }
        Map<String, Template> evidence = new LinkedHashMap<>();
        orEmpty(s.evidence()).forEach((tag, text) -> {
            Template t = template(text, name, lang + ".evidence." + tag, file, problems);
            if (t != null) {
                evidence.put(tag, t);
            }
        });
        return title == null || explanation == null ? null : new EntryText(title, explanation, remediation, evidence);
    }

    private static Template template(String text, String name, String path, Path file, List<Problem> problems) {
        if (text == null) {
            problems.add(new Problem(name, YamlLines.of(file).lineOf(path), path + ": missing text"));
            return null;
        }
        try {
            return Template.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, YamlLines.of(file).lineOf(path), path + ": " + e.getMessage()));
            return null;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
