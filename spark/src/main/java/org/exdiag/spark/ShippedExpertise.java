package org.exdiag.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.RemoteIterator;
import org.exdiag.Expertise;
import org.exdiag.config.LoadException;
import org.exdiag.engine.Bundled;

/**
 * The rules and knowledge-base files, as text, sent from the driver to every executor. A built Drools
 * rule base is never broadcast (a ConcurrentModificationException was reported when one is): each
 * executor JVM builds its own, once, from these texts, and every task of that JVM shares it (an
 * {@link Expertise} is safe to share; each analysis opens its own session).
 */
final class ShippedExpertise implements Serializable {
    private static final long MAX_FILE_BYTES = 4L << 20;
    private static final Map<String, Expertise> BUILT = new ConcurrentHashMap<>();

    private final Map<String, byte[]> rules;
    private final Map<String, byte[]> kb;
    private final String rulesShown;
    private final String kbShown;
    private final String digest;

    private ShippedExpertise(Map<String, byte[]> rules, String rulesShown, Map<String, byte[]> kb, String kbShown) {
        this.rules = rules;
        this.kb = kb;
        this.rulesShown = rulesShown;
        this.kbShown = kbShown;
        this.digest = digest(rules, kb);
    }

    /**
     * Reads the folders as {@code exdiag analyze} finds them: the one given (a local folder, or any path
     * Hadoop reads: hdfs://, s3a://...), else ./rules and ./knowledge-base, else the copies in the jar.
     */
    static ShippedExpertise read(String rulesDir, String kbDir, Configuration conf) throws IOException {
        return new ShippedExpertise(folder(rulesDir, "rules", conf), shown(rulesDir, "rules"),
                folder(kbDir, "knowledge-base", conf), shown(kbDir, "knowledge-base"));
    }

    String rulesShown() {
        return rulesShown;
    }

    String kbShown() {
        return kbShown;
    }

    /** This JVM's rule base for these texts, built on first use. */
    Expertise expertise() throws LoadException {
        Expertise known = BUILT.get(digest);
        if (known != null) {
            return known;
        }
        synchronized (BUILT) {
            known = BUILT.get(digest);
            if (known == null) {
                known = build();
                BUILT.put(digest, known);
            }
            return known;
        }
    }

    private Expertise build() throws LoadException {
        // Drools resolves the fact classes of the rules through the thread's context class loader. In an
        // executor the job's classes are in Spark's user class loader, not the system one: set it around
        // the build. Its parallel build runs on ForkJoin threads, whose context class loader is the system
        // one whatever this thread's is, which has made Drools fail inside other frameworks: turn it off
        // (about 25 rules build in well under a second either way).
        System.setProperty("drools.parallelRulesBuildThreshold", "-1");
        // No compiled-rules cache on cluster nodes: their home folders may not be writable, or shared.
        System.setProperty("exdiag.cache.dir", "off");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(Expertise.class.getClassLoader());
        try {
            Path root = Files.createTempDirectory("exdiag-rules-");
            Path rulesRoot = write(root.resolve("rules"), rules);
            Path kbRoot = write(root.resolve("knowledge-base"), kb);
            return Expertise.load(rulesRoot, rulesShown, kbRoot, kbShown);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rules to a temporary folder", e);
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static Path write(Path dir, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey()).normalize();
            if (!target.startsWith(dir)) {
                continue; // a name that would leave the folder: never written
            }
            Files.createDirectories(target.getParent());
            Files.write(target, f.getValue());
        }
        return dir;
    }

    private static String shown(String given, String defaultName) {
        if (given != null) {
            return given;
        }
        return Files.isDirectory(Path.of(defaultName)) ? defaultName : "(bundled) " + defaultName;
    }

    private static Map<String, byte[]> folder(String given, String defaultName, Configuration conf) throws IOException {
        if (given != null && given.contains("://") && !given.startsWith("file:")) {
            return hadoopFolder(new org.apache.hadoop.fs.Path(given), conf);
        }
        Path dir = given != null ? Path.of(given.startsWith("file:") ? java.net.URI.create(given).getPath() : given)
                : Files.isDirectory(Path.of(defaultName)) ? Path.of(defaultName) : Bundled.folder(defaultName);
        if (!Files.isDirectory(dir)) {
            throw new IOException("no such folder: " + (given != null ? given : defaultName));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (!hidden(relative) && Files.size(p) <= MAX_FILE_BYTES) {
                    files.put(relative, Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    private static Map<String, byte[]> hadoopFolder(org.apache.hadoop.fs.Path dir, Configuration conf) throws IOException {
        FileSystem fs = dir.getFileSystem(conf);
        String base = fs.getFileStatus(dir).getPath().toString();
        Map<String, byte[]> files = new TreeMap<>();
        RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            FileStatus f = it.next();
            String relative = f.getPath().toString().substring(base.length()).replaceFirst("^/", "");
            if (!hidden(relative) && f.getLen() <= MAX_FILE_BYTES) {
                try (var in = fs.open(f.getPath())) {
                    files.put(relative, in.readAllBytes());
                }
            }
        }
        return files;
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String digest(Map<String, byte[]> rules, Map<String, byte[]> kb) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map<String, byte[]> files : java.util.List.of(rules, kb)) {
                for (Map.Entry<String, byte[]> f : files.entrySet()) {
                    sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(f.getValue());
                }
                sha.update((byte) 1);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
