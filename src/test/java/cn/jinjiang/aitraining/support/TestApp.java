package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.AppServices;
import cn.jinjiang.aitraining.WebApp;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The real server (WebApp over AppServices) on a free port and a temporary database, as every
 * HTTP and browser test runs it: an SQLite file, or with {@code -Dtest.db=postgresql} (or
 * {@code .database(TestDatabase.POSTGRESQL)}) a database of its own on the test run's throwaway
 * PostgreSQL cluster ({@link PostgresCluster}).
 * API: {@code TestApp.builder().clock(c).behindProxy(true).trustedProxies(list).admin(account).folder(dir).ops(options).embedOrigins(list).start()}, or
 * {@link #start()} for the defaults; then {@link #client()}, {@link #cookielessClient()}, {@link #signedIn()}, {@link #baseUrl()},
 * {@link #services()}, {@link #database()}, {@link #dbFile()}; {@link #close()} stops it.
 *
 * <p>A fresh database is a copy of one migrated once per test run, so a server starts in
 * milliseconds; an existing file in {@code folder} (e.g. one the {@code generate} command filled)
 * is used as it is. Share one app per test class where the tests only read; a test that writes
 * starts its own.
 */
public final class TestApp implements AutoCloseable {
    /** The file name of the database inside the folder. */
    public static final String DB_FILE = "dashboard.db";

    private static Path template;

    private final Path dbFile;
    private final Path ownFolder;
    private final TestDatabase kind;
    private final boolean ownsDatabase;
    private final TestAdmin admin;
    private final Database database;
    private final AppServices services;
    private final Javalin app;

    private TestApp(Builder b) throws IOException {
        kind = b.existing == null ? b.database : b.existing.isSqlite() ? TestDatabase.SQLITE : TestDatabase.POSTGRESQL;
        ownFolder = b.folder == null ? Files.createTempDirectory("test-app") : null;
        Path file = (b.folder == null ? ownFolder : b.folder).resolve(DB_FILE);
        admin = b.admin;
        ownsDatabase = b.existing == null;
        if (b.existing != null) {
            // another server on the same database
            dbFile = b.existing.file();
            database = Database.open(b.existing, Database.DEFAULT_CONNECT_WAIT);
        } else if (kind == TestDatabase.POSTGRESQL) {
            // A database of its own; a file already in the folder (e.g. one `generate` filled) is copied into it.
            dbFile = null;
            database = Database.open(Files.exists(file) ? PostgresCluster.get().copyOf(file)
                    : PostgresCluster.get().newDatabase(), Database.DEFAULT_CONNECT_WAIT);
        } else {
            dbFile = file;
            if (!Files.exists(dbFile)) {
                Files.createDirectories(dbFile.getParent());
                Files.copy(template(), dbFile);
            }
            database = Database.open(dbFile);
        }
        try {
            if (admin != null) admin.createIn(database);
            services = AppServices.create(new AppConfig("127.0.0.1", 0, dbFile, b.behindProxy, b.trustedProxies, b.ops, b.embedOrigins), database, b.clock);
            app = WebApp.create(services).start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static Builder builder() { return new Builder(); }

    /** The defaults: the real clock, no proxy, the {@link TestAdmin#EDITOR} account, a temporary folder. */
    public static TestApp start() { return builder().start(); }

    public String baseUrl() { return "http://127.0.0.1:" + app.port(); }
    public int port() { return app.port(); }
    public AppServices services() { return services; }
    public Database database() { return database; }
    /** The SQLite file; null on PostgreSQL. */
    public Path dbFile() { return dbFile; }
    /** Where the data is: the file, or the PostgreSQL database (its URL for {@code --db}). */
    public DatabaseLocation location() { return database.location(); }
    public TestDatabase kind() { return kind; }
    public TestAdmin admin() { return admin; }

    /** A new browser with an empty cookie jar. */
    public WebClient client() { return new WebClient(baseUrl()); }

    /** A client that keeps no cookies (like curl), for tests of single requests. */
    public WebClient cookielessClient() { return new WebClient(baseUrl(), false); }

    /** A new browser signed in as this app's admin. */
    public WebClient signedIn() {
        WebClient client = client();
        HttpResponse<String> login = client.signIn(admin);
        if (login.statusCode() != 303) throw new AssertionError("sign-in as " + admin.username() + " failed: " + login.statusCode());
        return client;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            database.close();
            if (kind == TestDatabase.POSTGRESQL && ownsDatabase) PostgresCluster.get().drop(database.location());
            if (ownFolder != null) deleteTree(ownFolder);
        }
    }

    /** The migrated curated database, made once per test run and copied for each app. */
    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("test-template");
            Path migrated = dir.resolve("migrated.db");
            Path copy = dir.resolve("template.db");
            try (Database db = Database.open(migrated)) {
                db.jdbi().useHandle(h -> h.execute("VACUUM INTO '" + copy.toAbsolutePath().toString().replace("'", "''") + "'"));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            template = copy;
        }
        return template;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the app is started; every setting has a default. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean behindProxy;
        private TestAdmin admin = TestAdmin.EDITOR;
        private Path folder;
        private java.util.List<String> trustedProxies = java.util.List.of();
        private cn.jinjiang.aitraining.ops.OpsOptions ops = cn.jinjiang.aitraining.ops.OpsOptions.NONE;
        private java.util.List<String> embedOrigins = java.util.List.of();
        private TestDatabase database = TestDatabase.chosen();
        private DatabaseLocation existing;

        private Builder() {}

        public Builder clock(Clock clock) { this.clock = clock; return this; }
        public Builder behindProxy(boolean behindProxy) { this.behindProxy = behindProxy; return this; }
        /** With {@link #behindProxy}: the peers whose X-Forwarded-* headers count (default: loopback). */
        public Builder trustedProxies(java.util.List<String> proxies) { this.trustedProxies = proxies; return this; }
        /** The sites that may frame a chart's embed page (the {@code --embed-origins} option; default none). */
        public Builder embedOrigins(java.util.List<String> origins) { this.embedOrigins = origins; return this; }
        public Builder admin(TestAdmin admin) { this.admin = admin; return this; }
        /** Metrics port and access log (default: neither). */
        public Builder ops(cn.jinjiang.aitraining.ops.OpsOptions ops) { this.ops = ops; return this; }
        public Builder admin(String username, String password) { return admin(new TestAdmin(username, password)); }
        /** Where the database file goes (kept after close); default: a temporary folder removed on close. */
        public Builder folder(Path folder) { this.folder = folder; return this; }
        /** SQLite or PostgreSQL; default: {@link TestDatabase#chosen()} ({@code -Dtest.db}). */
        public Builder database(TestDatabase database) { this.database = database; return this; }
        /** Serve a database that exists already (another app's {@link #location()}, kept after close). */
        public Builder existing(DatabaseLocation location) { this.existing = location; return this; }

        public TestApp start() {
            try {
                return new TestApp(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
