package org.exdiag.engine;

import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieFileSystemImpl;
import org.drools.model.codegen.ExecutableModelProject;
import org.exdiag.config.Problem;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Build-time step of the spike: the rules folder (plus builtin.drl and vocabulary.drl, which the spike
 * copied into it) to an executable model. Writes OUT/classes (the compiled model: what would go in the
 * jar), OUT/sources (the generated Java, for its size), OUT/classes/exdiag-spike/catalog.bin (the
 * RuleCatalog, so that start-up needs no DRL parser) and the DRL hash. Args: RULES_DIR OUT_DIR
 */
public final class SpikeGenerate {
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path rules = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Map<String, String> folderOnly = new LinkedHashMap<>();
        Map<String, String> drl = SpikeStart.drlWithBuiltin(rules, folderOnly);
        KieServices kie = KieServices.get();
        KieFileSystem kfs = kie.newKieFileSystem();
        ReleaseId release = kie.newReleaseId("org.exdiag", "rules", "1.0.0");
        kfs.generateAndWritePomXML(release);
        int index = 0;
        for (Map.Entry<String, String> e : drl.entrySet()) {
            Matcher pkg = PACKAGE.matcher(e.getValue());
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') : "default";
            String path = "src/main/resources/" + dir + "/" + (index++) + "-" + Path.of(e.getKey()).getFileName();
            kfs.write(path, kie.getResources().newByteArrayResource(e.getValue().getBytes(StandardCharsets.UTF_8)).setSourcePath(path));
        }
        KieBuilder builder = kie.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        long t1 = System.nanoTime();
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        for (Message m : builder.getResults().getMessages()) {
            System.err.println(m.getLevel() + " " + m.getPath() + ":" + m.getLine() + " " + m.getText().strip().replace('\n', ' '));
        }
        if (!errors.isEmpty()) {
            System.err.println(errors.size() + " errors");
            System.exit(1);
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        Path classes = out.resolve("classes");
        long classBytes = 0;
        int classCount = 0;
        List<String> other = new ArrayList<>();
        for (String name : module.getFileNames()) {
            byte[] bytes = module.getBytes(name);
            if (bytes == null) continue;
            Path target = classes.resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            if (name.endsWith(".class")) { classBytes += bytes.length; classCount++; } else other.add(name + " (" + bytes.length + " B)");
        }
        // the generated sources, from the KieFileSystem's memory file system
        var field = org.drools.compiler.kie.builder.impl.KieBuilderImpl.class.getDeclaredField("srcMfs");
        field.setAccessible(true);
        var mfs = (org.drools.compiler.compiler.io.memory.MemoryFileSystem) field.get(builder);
        long srcBytes = 0, srcLines = 0;
        int srcCount = 0;
        for (var e : mfs.getMap().entrySet()) {
            String name = e.getKey().asString();
            if (!name.startsWith("src/main/java/")) continue;
            byte[] bytes = e.getValue();
            Path target = out.resolve("sources").resolve(name.substring("src/main/java/".length()));
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
            srcBytes += bytes.length;
            srcLines += new String(bytes, StandardCharsets.UTF_8).lines().count();
            srcCount++;
        }
        // the catalog the cache keeps today beside the rule base
        List<Problem> problems = new ArrayList<>();
        RuleCatalog catalog = RuleCatalog.read(folderOnly, problems);
        Path meta = classes.resolve("exdiag-spike");
        Files.createDirectories(meta);
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(meta.resolve("catalog.bin")))) {
            o.writeObject(catalog);
        }
        Files.writeString(meta.resolve("drl.sha256"), SpikeStart.drlHash(drl));
        long t2 = System.nanoTime();
        System.out.printf("generated: %d classes (%d KB), %d Java sources (%d KB, %d lines); build %.1f s, all %.1f s%n",
                classCount, classBytes / 1024, srcCount, srcBytes / 1024, srcLines, (t1 - t0) / 1e9, (t2 - t0) / 1e9);
        other.forEach(o -> System.out.println("  also: " + o));
    }
}
