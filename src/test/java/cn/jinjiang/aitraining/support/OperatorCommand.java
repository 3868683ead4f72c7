package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.App;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the jar's operator commands ({@code generate}, {@code extract}, ...) as an operator
 * would: {@link #inProcess} through {@link App#commandLine()}, {@link #asProcess} as a process of its
 * own with the PostgreSQL password in {@code $DASHBOARD_DB_PASSWORD}. {@link #dbOptions} gives the
 * {@code --db} options for a test database, the password in a file on PostgreSQL.
 */
public final class OperatorCommand {
    private OperatorCommand() {}

    /** What the command did: its exit code and everything it printed. */
    public record Run(int exit, String out, String err) {
        /** Both streams, for messages and for checking what was never printed. */
        public String printed() { return out + err; }
    }

    /** Runs {@code args} through the application's command line in this JVM (standard input: the JVM's). */
    public static Run inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code args} as {@code java ... App ARGS} with {@code stdin} as its standard input and, for a
     * PostgreSQL {@code db}, its password in the environment; fails after two minutes.
     */
    public static Run asProcess(DatabaseLocation db, String stdin, String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        Process process = TestDatabase.withPassword(new ProcessBuilder(command), db).start();
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            // Read stderr on a thread of its own, so neither pipe fills up and blocks the process.
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread errReader = new Thread(() -> {
                try {
                    process.getErrorStream().transferTo(err);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            errReader.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) throw new AssertionError("the command did not end: " + args[0]);
            errReader.join(10_000);
            return new Run(process.exitValue(), out, err.toString(StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    /**
     * {@code --db LOCATION}, and on PostgreSQL {@code --db-password-file} naming a file in {@code folder}
     * that holds the test cluster's password (an in-process command cannot be given an environment).
     */
    public static List<String> dbOptions(DatabaseLocation db, Path folder) {
        if (db.isSqlite()) return List.of("--db", db.toString());
        try {
            Path passwordFile = folder.resolve("db-password");
            Files.writeString(passwordFile, PostgresCluster.PASSWORD + "\n", StandardCharsets.UTF_8);
            return List.of("--db", db.toString(), "--db-password-file", passwordFile.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code first} followed by {@code rest}, as an argument array. */
    public static String[] args(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }
}
