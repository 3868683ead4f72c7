package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JVM options of the README's run command are also written into its systemd unit and into the
 * benchmarks' start (src/bench/lib.sh): what the benchmarks measure is what operators run. A change
 * to one of the three and not the others fails here.
 */
class RunCommandTest {
    @Test
    void theReadmeTheSystemdUnitAndTheBenchmarksStartTheJvmAlike() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        List<String> run = jvmOptions(lineWith(readme, "mvn -B -q package -DskipTests && MALLOC_ARENA_MAX=2 java "));
        List<String> systemd = jvmOptions(lineWith(readme, "ExecStart=/usr/bin/java "));
        List<String> bench = jvmOptions(lineWith(Files.readAllLines(Path.of("src/bench/lib.sh")), "BENCH_JAVA_OPTS=("));
        assertTrue(run.contains("-XX:SharedArchiveFile=ai-training-dashboard.jsa"), "the run command maps the archive: " + run);
        assertTrue(run.size() >= 5, "the run command's options were found: " + run);
        assertEquals(run, systemd, "the systemd unit's ExecStart");
        assertEquals(run, bench, "src/bench/lib.sh's BENCH_JAVA_OPTS");
    }

    private static String lineWith(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with: " + start));
    }

    /** The -X options of a command line, the archive named by its file name alone (each names its own folder). */
    private static List<String> jvmOptions(String line) {
        return Arrays.stream(line.split("[\\s()]+"))
                .takeWhile(word -> !word.equals("-jar"))
                .filter(word -> word.startsWith("-X"))
                .map(word -> word.replaceFirst("^(-XX:SharedArchiveFile=).*/", "$1"))
                .toList();
    }
}
