package org.exdiag.engine;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.exdiag.config.Problem;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Build step (Maven's process-test-classes, exec-maven-plugin): the bundled rules folder to Drools'
 * executable model in the application's classes, read at run time by {@link ExecutableModel}. Lives with the
 * tests because drools-model-codegen (a Java parser and code generator) is a build-time dependency, never in
 * the jar. Does nothing when the rules' key is the one already generated.
 * Args: RULES_DIR CLASSES_DIR. Exit status 1, with Drools' messages, when the rules do not compile.
 */
public final class ExecutableModelGenerator {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    /** The files of the last generation, removed before the next one. */
    private static final String FILES = "exdiag-model/files.txt";

    private ExecutableModelGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path rules = Path.of(args[0]);
        Path classes = Path.of(args[1]);
        List<Problem> problems = new ArrayList<>();
        Map<String, String> drl = RuleSetLoader.readDrl(rules, "rules", problems);
        Map<String, String> all = RuleSetLoader.withBuiltin(drl);
        String key = ExecutableModel.key(all);
        Path keyFile = classes.resolve(ExecutableModel.KEY);
        if (Files.isRegularFile(keyFile) && Files.readString(keyFile).strip().equals(key)) {
            System.out.println("exdiag: the bundled rules' executable model is up to date");
            return;
        }
        long start = System.nanoTime();
        RuleCatalog catalog = RuleCatalog.read(drl, problems);
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println(p));
            System.exit(1);
        }
        InternalKieModule module = build(all);
        removePrevious(classes);
        List<String> written = new ArrayList<>();
        String models = null;
        for (String name : module.getFileNames()) {
            byte[] bytes = module.getBytes(name);
            if (name.endsWith("/drools-model") && name.startsWith("META-INF/kie/")) {
                models = new String(bytes, StandardCharsets.UTF_8);
            } else if (name.endsWith(".class") && bytes != null) { // not the DRL copies, kmodule.xml or pom.properties
                Path target = classes.resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                written.add(name);
            }
        }
        if (models == null) {
            throw new IllegalStateException("Drools wrote no list of model classes");
        }
        List<String> modelClasses = models.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("Drools-Model-Version")).toList();
        Path meta = Files.createDirectories(keyFile.getParent());
        Files.write(meta.resolve(Path.of(ExecutableModel.MODELS).getFileName()), modelClasses);
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(meta.resolve(Path.of(ExecutableModel.CATALOG).getFileName())))) {
            out.writeObject(catalog);
        }
        Files.write(classes.resolve(FILES), written);
        Files.writeString(keyFile, key + "\n"); // last: a generation cut short is redone
        System.out.printf("exdiag: the bundled rules' executable model: %d classes, %d models, %.1f s%n",
                written.size(), modelClasses.size(), (System.nanoTime() - start) / 1e9);
    }

    /** The DRL files to an executable model, compiled in memory (as a kjar would be). */
    private static InternalKieModule build(Map<String, String> drl) {
        KieServices kie = KieServices.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(kie.newReleaseId("org.exdiag", "rules", "1.0.0"));
        int index = 0;
        for (Map.Entry<String, String> e : drl.entrySet()) {
            Matcher pkg = PACKAGE.matcher(e.getValue());
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') : "default";
            String path = "src/main/resources/" + dir + "/" + index++ + "-" + Path.of(e.getKey()).getFileName();
            kfs.write(path, kie.getResources().newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8)).setSourcePath(path));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            errors.forEach(m -> System.err.println(m.getPath() + ":" + m.getLine() + ": " + m.getText().strip()));
            System.exit(1);
        }
        return (InternalKieModule) builder.getKieModule();
    }

    private static void removePrevious(Path classes) throws IOException {
        Path list = classes.resolve(FILES);
        if (Files.isRegularFile(list)) {
            for (String name : Files.readAllLines(list)) {
                Files.deleteIfExists(classes.resolve(name));
            }
        }
        Files.deleteIfExists(classes.resolve(ExecutableModel.KEY));
    }
}
