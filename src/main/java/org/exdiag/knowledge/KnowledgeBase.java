package org.exdiag.knowledge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.exdiag.engine.ConfigYaml;
import org.exdiag.engine.LoadException;
import org.exdiag.engine.Problem;

/**
 * The texts of every warning: one YAML file per code in the knowledge-base folder
 * ({@code MX_INVALID.yaml}), each with a severity and an en and fr section. Immutable.
 */
public final class KnowledgeBase {
    private final Map<String, Entry> entries;
    private final String origin;

    private KnowledgeBase(Map<String, Entry> entries, String origin) {
        this.entries = Map.copyOf(entries);
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

    /** The file format of an entry. */
    record EntryFile(String code, String severity, EntryText en, EntryText fr) {
    }

    /**
     * Loads every {@code *.yaml} in the folder and checks that each code in {@code requiredCodes}
     * (the codes the rules raise) has an entry.
     */
    public static KnowledgeBase load(Path folder, String shown, Collection<String> requiredCodes) throws LoadException {
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
        for (Path file : files) {
            String name = shown + "/" + file.getFileName();
            try {
                Entry entry = toEntry(ConfigYaml.read(file, name, EntryFile.class), name, problems);
                if (entry != null && entries.putIfAbsent(entry.code(), entry) != null) {
                    problems.add(new Problem(name, 0, "a second entry for " + entry.code()));
                }
            } catch (LoadException e) {
                problems.addAll(e.problems());
            }
        }
        for (String code : requiredCodes) {
            if (!entries.containsKey(code)) {
                problems.add(new Problem(shown, 0, "no entry for " + code + ", which the rules raise (add " + code + ".yaml)"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LoadException(problems);
        }
        return new KnowledgeBase(entries, shown);
    }

    private static Entry toEntry(EntryFile f, String name, List<Problem> problems) {
        int before = problems.size();
        if (f.code() == null || !f.code().matches("[A-Z][A-Z0-9_]*")) {
            problems.add(new Problem(name, 0, "code: required, in capitals (e.g. MX_INVALID)"));
        }
        Severity severity = null;
        try {
            severity = Severity.valueOf(String.valueOf(f.severity()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(name, 0, "severity: expected error, warning or notice, got " + f.severity()));
        }
        Map<Language, EntryText> texts = new EnumMap<>(Language.class);
        texts.put(Language.EN, f.en());
        texts.put(Language.FR, f.fr());
        for (Map.Entry<Language, EntryText> t : texts.entrySet()) {
            EntryText text = t.getValue();
            String lang = t.getKey().tag();
            if (text == null) {
                problems.add(new Problem(name, 0, lang + ": missing (every entry needs en and fr)"));
            } else if (isBlank(text.title()) || isBlank(text.explanation()) || text.remediation().isEmpty()) {
                problems.add(new Problem(name, 0, lang + ": title, explanation and at least one remediation step are required"));
            }
        }
        return problems.size() > before ? null : new Entry(f.code(), severity, Map.copyOf(texts));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
