package org.exdiag.cli;

import org.junit.jupiter.api.Tag;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The launcher (./exdiag) picks the JIT by the size of the work: C1 alone for short work, the full
 * tiered compiler for the HTTP server and big or unsized batches, the batches with a smaller inlining cap. Run here from a copy beside a stand-in
 * jar, with EXDIAG_JAVA a script that prints the JVM's arguments instead of starting one.
 */
@Tag("slow")
class LauncherTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String BATCH_INLINING = "-XX:FreqInlineSize=150";

    @TempDir
    Path dir;
    private Path launcher;

    @BeforeEach
    void copyTheLauncher() throws Exception {
        launcher = dir.resolve("exdiag");
        Files.copy(Path.of("exdiag"), launcher);
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/exdiag.jar"), ""); // no src/main beside it: nothing to rebuild
        Path java = Files.createDirectories(dir.resolve("fake-jdk/bin")).resolve("java");
        // prints its arguments and logs them to calls.log; writes the class list and the archive it is asked
        // for, as a JVM does
        Files.writeString(java, """
                #!/bin/sh
                echo "$*" >> "$(dirname "$0")/calls.log"
                dump=no
                for a in "$@"; do [ "$a" = -Xshare:dump ] && dump=yes; done
                for a in "$@"; do
                  echo "$a"
                  case "$a" in
                    -XX:ArchiveClassesAtExit=*) : > "${a#*=}" ;;
                    -XX:DumpLoadedClassList=*) echo "java/lang/Object" > "${a#*=}" ;;
                    -XX:SharedArchiveFile=*) [ $dump = yes ] && : > "${a#*=}" ;;
                  esac
                done
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void aSmallAnalysisAndTheOneShotCommandsRunOnC1Alone() throws Exception {
        Path facts = Files.writeString(dir.resolve("facts.json"), "{}");
        assertThat(jvmArguments("analyze", facts.toString())).contains(C1_ONLY);
        assertThat(jvmArguments("analyze", "--format", "jsonl", "--rules", "rules", "--out", "out.jsonl", facts.toString()))
                .contains(C1_ONLY);
        assertThat(jvmArguments("analyze", "examples")).contains(C1_ONLY);
        assertThat(jvmArguments("rules", "check")).contains(C1_ONLY);
        assertThat(jvmArguments("explain", facts.toString(), "--why", "MX_INVALID")).contains(C1_ONLY);
        assertThat(jvmArguments("--version")).contains(C1_ONLY);
    }

    @Test
    void theServerBigBatchesAndStandardInputKeepTheFullCompiler() throws Exception {
        Path big = sparseFile("big.jsonl", 128L * 1024 * 1024);
        Path small = Files.writeString(dir.resolve("small.json"), "{}");
        assertThat(jvmArguments("serve", "--port", "0")).doesNotContain(C1_ONLY);
        assertThat(jvmArguments("analyze", big.toString())).doesNotContain(C1_ONLY);
        assertThat(jvmArguments("analyze", small.toString(), dir.toString())).as("a folder holding the big file")
                .doesNotContain(C1_ONLY);
        assertThat(jvmArguments("analyze", "-")).doesNotContain(C1_ONLY);
    }

    @Test
    void standardInputRedirectedFromAFileIsSizedAsThatFile() throws Exception {
        Path small = Files.writeString(dir.resolve("facts.yaml"), "version: 2\n");
        assertThat(jvmArgumentsReading(small, "analyze", "-")).contains(C1_ONLY);
        assertThat(jvmArgumentsReading(sparseFile("big.jsonl", 128L * 1024 * 1024), "analyze", "-"))
                .doesNotContain(C1_ONLY).contains(BATCH_INLINING);
    }

    @Test
    void bigAndUnsizedBatchesInlineLessTheServerKeepsTheDefault() throws Exception {
        // C2's compiling competes with the batch for two cores: a batch gets the smaller inlining cap.
        Path big = sparseFile("big.jsonl", 200L * 1024 * 1024);
        assertThat(jvmArguments("analyze", "--format", "jsonl", big.toString())).contains(BATCH_INLINING);
        assertThat(jvmArguments("analyze", "-")).contains(BATCH_INLINING);
        assertThat(jvmArguments("serve", "--port", "0")).doesNotContain(BATCH_INLINING);
        Path small = Files.writeString(dir.resolve("small.json"), "{}");
        assertThat(jvmArguments("analyze", small.toString())).doesNotContain(BATCH_INLINING);
    }

    @Test
    void theLauncherSkipsTheValueOfEveryAnalyzeOptionThatTakesOne() throws Exception {
        // Otherwise a value (a rules folder, an output file) would be sized as input.
        Matcher skipped = Pattern.compile("(?m)^\\s*(--[a-z-]+(?:\\|--[a-z-]+)*)\\) skip=1").matcher(Files.readString(launcher));
        assertThat(skipped.find()).as("the launcher's list of analyze options with a value").isTrue();
        List<String> inLauncher = List.of(skipped.group(1).split("\\|"));
        for (CommandLine.Model.OptionSpec option : new CommandLine(new AnalyzeCommand()).getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                assertThat(inLauncher).as("analyze " + option.longestName()).contains(option.longestName());
            }
        }
    }

    @Test
    void theJarAndTheCommandLineReachTheJvmUnchanged() throws Exception {
        List<String> args = jvmArguments("analyze", "--lang", "fr", "a b.json");
        assertThat(args).endsWith("-jar", dir.resolve("target/exdiag.jar").toString(), "analyze", "--lang", "fr", "a b.json");
    }

    @Test
    void theArchiveIsTheOneOfTheJdkItsReleaseFileNames() throws Exception {
        // The launcher reads the major version from the JDK's release file, without starting a JVM: an
        // archive only fits the JVM that wrote it.
        Files.writeString(dir.resolve("fake-jdk/release"),
                "IMPLEMENTOR=\"Test\"\nJAVA_RUNTIME_VERSION=\"19.0.1+10\"\nJAVA_VERSION=\"21.0.2\"\nJAVA_VERSION_DATE=\"2024-01-16\"\n");
        assertThat(jvmArguments("--version")).anyMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit=")
                && a.endsWith("target/exdiag-jdk21.jsa"));
        Path archive = Files.writeString(dir.resolve("target/exdiag-jdk21.jsa"), ""); // newer than the jar: mapped from now on
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(dir.resolve("target/exdiag.jar")).toMillis() + 10_000));
        assertThat(jvmArguments("--version")).anyMatch(a -> a.startsWith("-XX:SharedArchiveFile=")
                && a.endsWith("target/exdiag-jdk21.jsa"));
    }

    @Test
    void afterABuildTheArchiveIsRecordedFromAnAnalysisABounceAndTheScenariosWhateverTheFirstCommand() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("examples")).resolve("healthy-hosted.yaml"), "version: 3\n");
        Files.writeString(Files.createDirectories(dir.resolve("rules")).resolve("account.drl"), "package exdiag;\n");
        Files.writeString(dir.resolve("fake-jdk/release"), "JAVA_VERSION=\"17.0.15\"\n");
        // the first command after the build is --version: the archive still holds what the common commands load
        List<String> version = jvmArguments("--version");
        Path archive = dir.resolve("target/exdiag-jdk17.jsa");
        assertThat(archive).exists();
        List<String> calls = Files.readAllLines(dir.resolve("fake-jdk/bin/calls.log"));
        assertThat(calls).as("one class list per typical command, then one archive of them all")
                .anyMatch(c -> c.contains("-XX:DumpLoadedClassList=") && c.contains(" analyze ") && c.contains("healthy-hosted.yaml"))
                .anyMatch(c -> c.contains("-XX:DumpLoadedClassList=") && c.contains(" bounce --no-lookup "))
                .anyMatch(c -> c.contains("-XX:DumpLoadedClassList=") && c.endsWith(" rules test"))
                .anyMatch(c -> c.contains("-XX:DumpLoadedClassList=") && c.contains(" analyze --rules "))
                .anyMatch(c -> c.contains("-Xshare:dump") && c.contains("-XX:SharedClassListFile=")
                        && c.contains("-XX:SharedArchiveFile=" + archive));
        assertThat(calls.get(calls.size() - 1)).as("the command itself comes last").endsWith("--version");
        assertThat(version).as("the command itself maps the archive just recorded")
                .contains("-XX:SharedArchiveFile=" + archive).noneMatch(a -> a.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(version.get(version.size() - 1)).isEqualTo("--version");
    }

    /** A file of {@code bytes} that takes no room: its size counts, not its blocks. */
    private Path sparseFile(String name, long bytes) throws Exception {
        Path file = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    private List<String> jvmArguments(String... command) throws Exception {
        return jvmArgumentsReading(null, command);
    }

    /** The JVM's arguments with standard input read from {@code input} (a pipe when null). */
    private List<String> jvmArgumentsReading(Path input, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("bash", launcher.toString()));
        line.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(line).directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        if (input != null) {
            pb.redirectInput(input.toFile());
        }
        pb.environment().put("EXDIAG_JAVA", dir.resolve("fake-jdk/bin/java").toString());
        pb.environment().remove("EXDIAG_JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
