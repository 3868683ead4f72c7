package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The build's class-data-sharing training run: every public page answers, and nothing is left behind. */
class ArchiveTrainingTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void servesEveryPublicPageFromATemporaryDatabaseAndCleansUp() throws IOException {
        Set<Path> before = trainingFolders();
        int exit = App.commandLine().execute("--cds-training");
        assertEquals(0, exit, "the training run failed: a public page did not answer as it should");
        assertEquals(before, trainingFolders(), "the temporary database folder was left behind");
    }

    private static Set<Path> trainingFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("dashboard-cds-training"))
                    .collect(Collectors.toSet());
        }
    }
}
