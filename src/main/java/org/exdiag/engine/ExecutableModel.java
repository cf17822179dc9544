package org.exdiag.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled rules (the top-level {@code rules/} folder as built into the application) compiled at build
 * time to Drools' executable model: Java classes that the class-data archive holds, where a rule base
 * read back from the compiled-rules cache goes through Java deserialization and generates some hundred
 * classes at every start. A rules folder whose DRL is exactly the bundled one gets its rule base from
 * here; an edited folder is compiled and cached as before, so editing rules needs no rebuild.
 * The build writes {@code exdiag-model/}: the DRL's key, the model classes' names and the rule catalog
 * ({@code ExecutableModelGenerator} in the tests' sources, run by Maven before the tests and the jar).
 */
final class ExecutableModel {
    static final String KEY = "exdiag-model/drl.sha256";
    static final String MODELS = "exdiag-model/models.txt";
    static final String CATALOG = "exdiag-model/catalog.bin";
    private static final Logger LOG = LoggerFactory.getLogger(ExecutableModel.class);

    private ExecutableModel() {
    }

    /**
     * The rule base and catalog of the model when {@code drl} (a folder's DRL with exdiag's built-in DRL,
     * {@link RuleSetLoader#withBuiltin}) is what it was built from; empty when it differs, or when the
     * application was built without a model (classes straight from an IDE): then the rules are compiled.
     */
    static Optional<RuleSetLoader.Compiled> matching(Map<String, String> drl) {
        String built = resource(KEY);
        if (built == null || !built.strip().equals(key(drl))) {
            return Optional.empty();
        }
        try {
            List<Model> models = new ArrayList<>();
            for (String line : resource(MODELS).split("\n")) {
                if (!line.isBlank()) {
                    models.add((Model) Class.forName(line.strip()).getDeclaredConstructor().newInstance());
                }
            }
            KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(models, RuleSetLoader.kieBaseConfiguration());
            RuleCatalog catalog;
            try (ObjectInputStream in = new ObjectInputStream(ExecutableModel.class.getClassLoader().getResourceAsStream(CATALOG))) {
                catalog = (RuleCatalog) in.readObject();
            }
            return Optional.of(new RuleSetLoader.Compiled(kieBase, catalog));
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            // A damaged build: the DRL still compiles, slower. Logged, never fatal.
            LOG.warn("the bundled rules' executable model could not be loaded; compiling the rules instead", e);
            return Optional.empty();
        }
    }

    /** What identifies rules for the model: {@code drl} (with the built-in DRL) digested as the cache's key is. */
    static String key(Map<String, String> drl) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            RuleSetLoader.digest(sha, drl);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ExecutableModel.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
