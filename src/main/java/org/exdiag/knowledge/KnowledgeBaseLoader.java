package org.exdiag.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exdiag.config.ConfigYaml;
import org.exdiag.config.LoadException;
import org.exdiag.config.Problem;
import org.exdiag.knowledge.KnowledgeBaseFiles.EntryFile;
import org.exdiag.knowledge.KnowledgeBaseFiles.FileProblems;
import org.exdiag.knowledge.KnowledgeBaseFiles.LanguageSection;
import org.exdiag.knowledge.KnowledgeBaseFiles.MessagesFile;

/**
 * Reads a knowledge-base folder into a {@link KnowledgeBase}: lists its files, reads each one
 * ({@link ConfigYaml}), has {@link KnowledgeBaseChecks} check it, and parses its templates. Every
 * problem of every file is collected before failing, so that one run shows them all.
 */
public final class KnowledgeBaseLoader {
    private static final String ENTRY_NAME = "[A-Z][A-Z0-9_]*\\.yaml";

    private final Path folder;
    private final String shown;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<Language, Map<String, Template>> sharedEvidence = new EnumMap<>(Language.class);
    private final Map<Language, Wording> wordings = new EnumMap<>(Language.class);

    private KnowledgeBaseLoader(Path folder, String shown) {
        this.folder = folder;
        this.shown = shown;
    }

    /** The knowledge base in {@code folder}, named {@code shown} in problems. */
    public static KnowledgeBase load(Path folder, String shown) throws LoadException {
        return new KnowledgeBaseLoader(folder, shown).load();
    }

    private KnowledgeBase load() throws LoadException {
        if (!Files.isDirectory(folder)) {
            throw new LoadException(List.of(new Problem(shown, 0, "not a folder")));
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new LoadException(List.of(new Problem(shown, 0, "cannot list: " + e.getMessage())));
        }
        Path messages = folder.resolve(KnowledgeBase.MESSAGES);
        if (!Files.isRegularFile(messages)) {
            problems.add(new Problem(shown + "/" + KnowledgeBase.MESSAGES, 0,
                    "missing: the words of reports and of the web page live there"));
        } else {
            readMessages(messages);
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            if (fileName.equals(KnowledgeBase.MESSAGES)) {
                continue;
            }
            if (!fileName.matches(ENTRY_NAME)) {
                problems.add(new Problem(shown + "/" + fileName, 0, "not a knowledge-base file: entries are named after "
                        + "their code (MX_INVALID.yaml); shared words go in " + KnowledgeBase.MESSAGES));
                continue;
            }
            readEntry(file);
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new KnowledgeBase(entries, sharedEvidence, wordings, folder, shown);
    }

    private void readMessages(Path file) {
        FileProblems at = problemsOf(file);
        MessagesFile f = read(file, at, MessagesFile.class);
        if (f == null || !KnowledgeBaseChecks.messages(f, at)) {
            return;
        }
        f.sections().forEach((language, m) -> {
            sharedEvidence.put(language, Map.copyOf(templates(m.evidence(), language.tag() + ".evidence.", at)));
            Map<String, Map<String, String>> values = new TreeMap<>();
            KnowledgeBaseChecks.orEmpty(m.values()).forEach((vocabulary, words) ->
                    values.put(vocabulary, Map.copyOf(KnowledgeBaseChecks.orEmpty(words))));
            wordings.put(language, new Wording(language, Map.copyOf(m.words()), Map.copyOf(values), null));
        });
    }

    private void readEntry(Path file) {
        String fileName = file.getFileName().toString();
        FileProblems at = problemsOf(file);
        EntryFile f = read(file, at, EntryFile.class);
        String code = fileName.substring(0, fileName.length() - ".yaml".length());
        if (f == null || !KnowledgeBaseChecks.entry(f, code, at)) {
            return;
        }
        int before = at.count();
        Template couldNotCheck = f.couldNotCheck() == null ? null : template(f.couldNotCheck(), "couldNotCheck", at);
        Map<Language, EntryText> texts = new EnumMap<>(Language.class);
        f.sections().forEach((language, section) -> texts.put(language, entryText(section, language.tag(), at)));
        if (at.count() == before) {
            entries.put(code, new Entry(code, KnowledgeBaseChecks.severity(f.severity()), couldNotCheck, Map.copyOf(texts)));
        }
    }

    private EntryText entryText(LanguageSection s, String lang, FileProblems at) {
        Template title = template(s.title(), lang + ".title", at);
        Template explanation = template(s.explanation(), lang + ".explanation", at);
        List<Template> remediation = new ArrayList<>();
        for (int i = 0; i < s.remediation().size(); i++) {
            Template t = template(s.remediation().get(i), lang + ".remediation[" + i + "]", at);
            if (t != null) {
                remediation.add(t);
            }
        }
        Map<String, Template> evidence = templates(s.evidence(), lang + ".evidence.", at);
        return new EntryText(title, explanation, remediation, evidence);
    }

    /** The templates of a map of texts, in its order; those that do not parse are problems instead. */
    private Map<String, Template> templates(Map<String, String> texts, String pathPrefix, FileProblems at) {
        Map<String, Template> parsed = new LinkedHashMap<>();
        KnowledgeBaseChecks.orEmpty(texts).forEach((key, text) -> {
            Template t = template(text, pathPrefix + key, at);
            if (t != null) {
                parsed.put(key, t);
            }
        });
        return parsed;
    }

    private Template template(String text, String path, FileProblems at) {
        if (text == null) {
            at.at(path, path + ": missing text");
            return null;
        }
        try {
            return Template.parse(text);
        } catch (IllegalArgumentException e) {
            at.at(path, path + ": " + e.getMessage());
            return null;
        }
    }

    private <T> T read(Path file, FileProblems at, Class<T> type) {
        try {
            return ConfigYaml.read(file, at.name, type);
        } catch (LoadException e) {
            at.addAll(e.problems());
            return null;
        }
    }

    private FileProblems problemsOf(Path file) {
        return new FileProblems(shown + "/" + file.getFileName(), file, problems);
    }
}
