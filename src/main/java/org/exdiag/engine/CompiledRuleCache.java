package org.exdiag.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule bases kept on disk, so that a command does not compile the same rules at every start
 * (compiling is most of a cold start: about 2 s of 2.5 s). Keyed by a hash of the DRL sources, the
 * rule vocabulary's bytecode and the Drools version: any change compiles afresh. The cache is the
 * user's own folder ({@code ~/.cache/exdiag}, or {@code EXDIAG_CACHE_DIR}; {@code off} disables it)
 * and, like a rules folder, it is trusted code: a file that another user could have written is
 * ignored. Anything wrong with an entry means "compile", never an error. Every edit of a rule makes a
 * new entry (about 1 MB for the bundled rules): only the {@value #KEEP} most recently used are kept.
 */
final class CompiledRuleCache {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
    private static final int BUFFER = 1 << 16;
    /** Entries kept: the rules in use and the last versions an engineer went back and forth between. */
    static final int KEEP = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path folder;

    private CompiledRuleCache(Path folder) {
        this.folder = folder;
    }

    /** The cache the environment asks for, or none. */
    static Optional<CompiledRuleCache> fromEnvironment() {
        String configured = System.getProperty("exdiag.cache.dir", System.getenv("EXDIAG_CACHE_DIR"));
        if ("off".equalsIgnoreCase(configured)) {
            return Optional.empty();
        }
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured);
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            String home = System.getProperty("user.home");
            if ((xdg == null || xdg.isBlank()) && home == null) {
                return Optional.empty();
            }
            dir = (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("exdiag");
        }
        return Optional.of(new CompiledRuleCache(dir));
    }

    static CompiledRuleCache at(Path folder) {
        return new CompiledRuleCache(folder);
    }

    /** The key of a set of DRL sources (name and text each). */
    static String key(Map<String, String> drlSources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(org.drools.base.util.Drools.getFullVersion().getBytes(StandardCharsets.UTF_8));
            codeVersion(sha);
            RuleSetLoader.digest(sha, drlSources);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What DRL consequences are compiled against and what reads the catalog kept beside the rule base:
     * the application jar (its size and time), or, when run from classes on disk (tests), the bytes of
     * every class of the rules and engine packages. Any change compiles afresh.
     */
    private static void codeVersion(MessageDigest sha) throws IOException {
        try {
            Path source = Path.of(org.exdiag.rules.Raise.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                sha.update((source.toString() + Files.size(source) + Files.getLastModifiedTime(source)).getBytes(StandardCharsets.UTF_8));
                return;
            }
            for (String pkg : List.of("org/exdiag/rules", "org/exdiag/engine")) {
                try (var classes = Files.list(source.resolve(pkg))) {
                    for (Path c : classes.sorted().toList()) {
                        sha.update(c.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                        sha.update(Files.readAllBytes(c));
                    }
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            sha.update(Long.toString(System.nanoTime()).getBytes(StandardCharsets.UTF_8)); // unknown: never reuse
        }
    }

    private Path entry(String key) {
        return folder.resolve("rules-" + key.substring(0, 32) + ".bin");
    }

    @SuppressWarnings("unchecked")
    Optional<RuleSetLoader.Compiled> load(String key) {
        Path file = entry(key);
        if (!Files.isRegularFile(file) || !ownedAndPrivate(file)) {
            return Optional.empty();
        }
        // Buffered: object streams read a byte or a few at a time, and unbuffered each was a system
        // call, two thirds of loading a cached rule base (perf; RuleBaseLoad, warm: 190 -> 40 ms).
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
             DroolsObjectInputStream objects = new DroolsObjectInputStream(in, CompiledRuleCache.class.getClassLoader())) {
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            RuleCatalog catalog = (RuleCatalog) objects.readObject();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(RuleSetLoader.kieBaseConfiguration());
            kieBase.addPackages(packages);
            markUsed(file);
            return Optional.of(new RuleSetLoader.Compiled(kieBase, catalog));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.debug("compiled rules cache entry {} unusable, compiling instead", file, e);
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // next write replaces it
            }
            return Optional.empty();
        }
    }

    void store(String key, RuleSetLoader.Compiled compiled) {
        try {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, OWNER_ONLY);
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Path tmp = Files.createTempFile(folder, "rules-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER);
                 DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeObject(new ArrayList<>(compiled.kieBase().getKiePackages()));
                objects.writeObject(compiled.catalog());
            }
            try {
                Files.move(tmp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry(key), StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot write the compiled rules cache in {}", folder, e);
        }
    }

    /** A used entry's time is its last use, so that pruning keeps the rules in use however old. */
    private static void markUsed(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            LOG.debug("cannot mark {} as used", file, e);
        }
    }

    /**
     * Deletes all but the {@value #KEEP} most recently used entries, and temporary files a crash left
     * behind (over an hour old: a younger one may be another process's write in progress).
     */
    private void prune() {
        List<Path> entries = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "rules-*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(".bin")) {
                    entries.add(file);
                } else if (name.endsWith(".tmp") && Files.getLastModifiedTime(file).toMillis() < hourAgo) {
                    Files.deleteIfExists(file);
                }
            }
            if (entries.size() <= KEEP) {
                return;
            }
            Map<Path, Long> used = new HashMap<>();
            for (Path entry : entries) {
                used.put(entry, Files.getLastModifiedTime(entry).toMillis());
            }
            entries.sort(Comparator.comparing((Path e) -> used.get(e)).reversed());
            for (Path old : entries.subList(KEEP, entries.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot prune the compiled rules cache in {}", folder, e);
        }
    }

    /** Only a file of ours that nobody else can write is loaded: deserializing it runs its code. */
    private static boolean ownedAndPrivate(Path file) {
        try {
            String owner = Files.getOwner(file).getName();
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return owner.equals(System.getProperty("user.name"))
                    && !perms.contains(PosixFilePermission.GROUP_WRITE) && !perms.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
