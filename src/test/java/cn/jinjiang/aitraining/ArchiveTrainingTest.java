package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.OperatorCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's class-data-sharing training: the first step makes a database, the second serves every
 * public page from it and cleans up, and the second (the run whose classes are archived) loads
 * neither the migrations' classes nor password hashing nor an HTTP client library.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ArchiveTrainingTest {
    @TempDir
    Path folder;

    @Test
    void servesEveryPublicPageFromThePreparedDatabaseAndCleansUp() {
        Path training = folder.resolve("cds-training");
        assertEquals(0, OperatorCommand.inProcess("--cds-training-database", training.toString()).exit());
        assertTrue(Files.isRegularFile(training.resolve("dashboard.db")), "the first step made the database");
        OperatorCommand.Run run = OperatorCommand.inProcess("--cds-training", training.toString());
        assertEquals(0, run.exit(), "a public page did not answer as it should: " + run.printed());
        assertFalse(Files.exists(training), "the training folder was left behind");
    }

    @Test
    void theFirstStepStartsFromNothingWhateverWasLeftBefore() throws IOException {
        Path training = folder.resolve("cds-training");
        Files.createDirectories(training);
        Files.writeString(training.resolve("dashboard.db"), "left by a build that was cut off");
        assertEquals(0, OperatorCommand.inProcess("--cds-training-database", training.toString()).exit());
        assertEquals(0, OperatorCommand.inProcess("--cds-training", training.toString()).exit());
    }

    @Test
    void theSecondStepWithoutTheFirstFailsWithAMessage() {
        OperatorCommand.Run run = OperatorCommand.inProcess("--cds-training", folder.resolve("nothing").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("run --cds-training-database first"), run.err());
    }

    @Test
    void theArchivedRunLoadsOnlyWhatARestartedServerLoads() throws IOException, InterruptedException {
        Path training = folder.resolve("cds-training");
        assertEquals(0, OperatorCommand.inProcess("--cds-training-database", training.toString()).exit());
        Path classes = folder.resolve("classes.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + classes,
                "-cp", System.getProperty("java.class.path"), App.class.getName(), "--cds-training", training.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("training.out").toFile()).start();
        assertTrue(process.waitFor(150, TimeUnit.SECONDS), "the training run ended");
        assertEquals(0, process.exitValue(), Files.readString(folder.resolve("training.out")));
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("cn.jinjiang.aitraining.web.Warmup "), "the log lists the run's classes");
        assertTrue(loaded.contains("org.eclipse.jetty.io.SocketChannelEndPoint "), "requests came over the network");
        for (String never : List.of("org.flywaydb.", "org.bouncycastle.", "sun.net.www.protocol.http.HttpURLConnection ")) {
            assertFalse(loaded.contains(" " + never), never + " classes would be archived for nothing");
        }
    }

    @Test
    void readsTheStatusAndETagOfAResponse() {
        ArchiveTraining.Answer answer = ArchiveTraining.answer(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\netag: W/\"abc\"\r\n\r\n<!DOCTYPE html>");
        assertEquals(200, answer.status());
        assertEquals("W/\"abc\"", answer.etag());
        assertNull(ArchiveTraining.answer("HTTP/1.1 404 Not Found\r\n\r\n").etag());
        assertThrows(IllegalStateException.class, () -> ArchiveTraining.answer("SSH-2.0-OpenSSH\r\n"));
    }
}
