package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseCopy;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for one test run: Debian's {@code postgresql} binaries
 * ({@code /usr/lib/postgresql/N/bin}, else {@code initdb} on the PATH), a cluster in a temporary
 * folder on a free loopback port, started on first use and stopped and deleted when the JVM ends.
 * As root the binaries run as the {@code postgres} user ({@code runuser -u postgres --}), since
 * PostgreSQL refuses to run as root. No Docker.
 *
 * <p>{@link #newDatabase()} gives each caller its own database, a copy of one migrated once
 * ({@code CREATE DATABASE ... TEMPLATE}), so a test starts in milliseconds as on SQLite. The cluster
 * runs with fsync off: the tests kill the dashboard's server, never PostgreSQL, so what it
 * acknowledged is in PostgreSQL's memory either way; the durability of PostgreSQL itself is its own.
 */
public final class PostgresCluster {
    /** The superuser; over TCP it signs in with {@link #PASSWORD} (scram-sha-256), as a real server would ask. */
    public static final String SUPERUSER = "postgres";
    /** The password of every role the tests make on this throwaway cluster. */
    public static final String PASSWORD = "throwaway-cluster-password";
    private static final String TEMPLATE = "dashboard_template";
    private static PostgresCluster running;

    private final Path folder;
    private final Path bin;
    private final int port;
    private final AtomicInteger databases = new AtomicInteger();
    private boolean templateMade;

    private PostgresCluster(Path folder, Path bin, int port) {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    /** The cluster of this test run, started on first use. */
    public static synchronized PostgresCluster get() {
        if (running == null) {
            running = start();
            PostgresCluster cluster = running;
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stopAndDelete, "postgres-cluster-stop"));
        }
        return running;
    }

    public int port() { return port; }

    /** The JDBC URL of a database in this cluster, as the superuser (the password goes separately). */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    /** A new, migrated database of its own (the curated data, no admin account yet). */
    public synchronized DatabaseLocation newDatabase() {
        if (!templateMade) {
            execute("postgres", "CREATE DATABASE " + TEMPLATE);
            try (Database migrated = Database.open(DatabaseLocation.postgresql(url(TEMPLATE), PASSWORD), Database.DEFAULT_CONNECT_WAIT)) {
                migrated.isReachable();
            }
            templateMade = true;
        }
        String name = "dashboard_" + databases.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return DatabaseLocation.postgresql(url(name), PASSWORD);
    }

    /** A new database holding a copy of an SQLite file (e.g. one the {@code generate} command filled). */
    public DatabaseLocation copyOf(Path sqliteFile) {
        DatabaseLocation target = emptyDatabase();
        try (Database source = Database.open(sqliteFile);
             Database copy = Database.open(target, Database.DEFAULT_CONNECT_WAIT)) {
            DatabaseCopy.copy(source, copy);
        }
        return target;
    }

    /** Drops a database made here (its connections are closed first). */
    public void drop(DatabaseLocation location) {
        execute("postgres", "DROP DATABASE IF EXISTS " + databaseName(location) + " WITH (FORCE)");
    }

    /** A new database with nothing in it (to migrate, or to refuse). */
    public DatabaseLocation emptyDatabase() {
        String name = "empty_" + databases.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name);
        return DatabaseLocation.postgresql(url(name), PASSWORD);
    }

    /** Runs statements as the superuser in {@code database}. */
    public void execute(String database, String... statements) {
        try (Connection c = DriverManager.getConnection(url(database), SUPERUSER, PASSWORD); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("on the test cluster: " + e.getMessage(), e);
        }
    }

    /** The name of the database a location of this cluster names. */
    public static String databaseName(DatabaseLocation location) {
        String url = location.jdbcUrl();
        return url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    }

    private static PostgresCluster start() {
        try {
            Path bin = binaries();
            Path folder = Files.createTempDirectory("pg-cluster");
            // the postgres user runs the server and must reach its folder
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path data = folder.resolve("data");
            Path passwordFile = folder.resolve("superuser-password");
            Files.writeString(passwordFile, PASSWORD + "\n");
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
            // C locale: lower() and ORDER BY compare as SQLite does (README, "Running on PostgreSQL")
            run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + passwordFile,
                    "--auth-local=trust", "--auth-host=scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync");
            int port = freePort();
            run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("server.log").toString(),
                    "-w", "-t", "60", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB",
                    "start");
            return new PostgresCluster(folder, bin, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stopAndDelete() {
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("stopping the test PostgreSQL cluster: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("deleting the test PostgreSQL cluster: " + e.getMessage());
        }
    }

    /** Debian's newest installed version, else whatever the PATH has. */
    private static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) return newest.get().resolve("bin");
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) return Path.of(dir);
        }
        throw new IllegalStateException("PostgreSQL is not installed (no initdb): apt-get install -y postgresql");
    }

    /** Runs a PostgreSQL program, as the postgres user when this JVM is root. */
    private static void run(String... command) {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) full.addAll(List.of("runuser", "-u", "postgres", "--"));
        full.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
