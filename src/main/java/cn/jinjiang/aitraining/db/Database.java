package cn.jinjiang.aitraining.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.sqlite.SQLiteConfig;

/**
 * The database, SQLite (the default: one embedded file) or PostgreSQL (several servers on one
 * database). SQLite is opened with the settings that make an acknowledged write durable (WAL,
 * synchronous=FULL, IMMEDIATE write transactions); PostgreSQL with synchronous_commit on, and its
 * write transactions likewise take one lock up front (see {@link SerializedTransactions}). Both are
 * migrated with Flyway from {@code sql/common} and {@code sql/<dialect>}.
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    /** How long start-up waits for an unreachable PostgreSQL server by default. */
    public static final Duration DEFAULT_CONNECT_WAIT = Duration.ofSeconds(30);
    private final DatabaseLocation location;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    /** Above this size the write-ahead log is checkpointed in full and truncated. */
    static final long WAL_CHECKPOINT_BYTES = 4L << 20;

    private Database(DatabaseLocation location, HikariDataSource dataSource) {
        this.location = location;
        this.dataSource = dataSource;
        this.jdbi = configure(Jdbi.create(dataSource), location.dialect());
        if (location.isSqlite()) {
            jdbi.getConfig(DataVersion.CommitSignal.class).afterEachCommit(this::checkpointIfLarge);
        }
    }

    /**
     * Runs after every committed change. SQLite's automatic checkpoints are passive: while readers
     * keep arriving they copy pages back but never get to restart the log, which then grows without
     * end. Once the log passes {@link #WAL_CHECKPOINT_BYTES}, a TRUNCATE checkpoint waits (within the
     * busy timeout) for the short reads in progress, then empties it. Looking costs one stat() call.
     * (PostgreSQL checkpoints by itself.)
     */
    void checkpointIfLarge() {
        try {
            Path wal = Path.of(location.file().toAbsolutePath() + "-wal");
            if (Files.exists(wal) && Files.size(wal) > WAL_CHECKPOINT_BYTES) {
                jdbi.useHandle(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)").mapToMap().one());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("WAL checkpoint did not complete ({}); the next change tries again", e.getMessage());
        }
    }

    /**
     * Opens (creating if needed) and migrates the database file. An existing file that is not
     * SQLite, is corrupt or read-only, or has a newer schema is refused untouched.
     */
    public static Database open(Path file) {
        return open(DatabaseLocation.sqlite(file), DEFAULT_CONNECT_WAIT);
    }

    /**
     * Opens and migrates the database at {@code location}. A PostgreSQL server that does not answer
     * is asked again for up to {@code connectWait}; one that has a newer schema, is a read-only
     * standby, or where the user lacks the rights the server needs is refused before anything is
     * changed (see {@link PostgresCheck}).
     */
    public static Database open(DatabaseLocation location, Duration connectWait) {
        if (location.isSqlite()) return openSqlite(location);
        DatabaseCheck.Schema schema = PostgresCheck.beforeOpening(location, connectWait);
        HikariDataSource ds = new HikariDataSource(postgresqlPoolConfig(location));
        migrate(location, ds, schema);
        return new Database(location, ds);
    }

    private static Database openSqlite(DatabaseLocation location) {
        Path file = location.file();
        SqliteNativeLibrary.prepare();
        DatabaseCheck.Schema schema = DatabaseCheck.beforeOpening(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        HikariDataSource ds = new HikariDataSource(poolConfig(file));
        migrate(location, ds, schema);
        return new Database(location, ds);
    }

    /**
     * Flyway applies and records every migration; when the database already has the newest one
     * (checked before), there is nothing for it to do and its start-up cost is skipped.
     */
    private static void migrate(DatabaseLocation location, HikariDataSource ds, DatabaseCheck.Schema schema) {
        if (schema == DatabaseCheck.Schema.CURRENT) return;
        Dialect dialect = location.dialect();
        try {
            var result = Flyway.configure()
                    .dataSource(ds)
                    .locations(dialect.migrationLocations().stream().map(l -> "classpath:" + l).toArray(String[]::new))
                    // Migrations write ${id_column} for a generated integer key and ${bytes_column}
                    // for raw bytes; each database spells them its own way (SQLite: the rowid alias
                    // and BLOB; PostgreSQL: an identity and BYTEA).
                    .placeholders(dialect.placeholders())
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                if (dialect == Dialect.POSTGRESQL) {
                    // Migrations that insert rows with explicit ids (the curated data) leave each
                    // identity behind them; move it past the largest id.
                    Jdbi.create(ds).useHandle(PostgresIdentities::movepast);
                }
                LOG.info("Database {} migrated to schema version {} ({} migrations applied)",
                        location, result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (RuntimeException e) {
            ds.close();
            throw new DatabaseException("cannot migrate " + location + ": " + e.getMessage(), e);
        }
    }

    static HikariConfig postgresqlPoolConfig(DatabaseLocation location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(location.jdbcUrl());
        if (location.password() != null) config.setPassword(location.password());
        // An acknowledged change is committed: synchronous_commit on, whatever the server's default.
        // Times travel as UTC, so a timestamp read back as text is the same on every server.
        config.setConnectionInitSql("SET synchronous_commit TO on; SET TIME ZONE 'UTC'");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("postgresql");
        return config;
    }

    /**
     * SQLite reads the first this-many bytes of the file through a memory map instead of read()
     * calls copying into its own page cache. The filtered figures table seeks once per figure into
     * the observation index; at 10,000 figures × 100 observations the map more than halved the
     * query's CPU time (README, "Scale"). A map is address space, not memory: its pages are the
     * kernel's page cache, the same for all eight pooled connections' maps, so the heap does not
     * grow and the resident size counts the file pages read (shared and reclaimable). 256 MB covers
     * the largest benchmark file (about 160 MB) with room; a larger file is mapped up to this and
     * read the usual way beyond it, and a small file maps only its own size. Eight maps of 256 MB
     * are nothing to a 64-bit process's address space. The cost SQLite's documentation names: an
     * I/O error on a mapped page (a failing disk, the file cut short by another program) stops the
     * process instead of failing one query; the file belongs to this server alone.
     */
    static final long MMAP_BYTES = 256L << 20;

    static HikariConfig poolConfig(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        // Every write transaction takes the write lock up front, so two writers never deadlock
        // upgrading from a read lock; reads run in autocommit mode and are not affected.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, Long.toString(MMAP_BYTES));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setPoolName("sqlite");
        return config;
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        jdbi.getConfig(Dialect.Setting.class).set(dialect);
        if (dialect == Dialect.SQLITE) {
            // Dates and instants are stored as ISO-8601 text, which sorts and reads back exactly;
            // the driver's default would store epoch milliseconds.
            jdbi.registerArgument(new LocalDateAsText());
            jdbi.registerArgument(new InstantAsText());
            // Decimals as plain text ("277000000", never "2.77E+8"); the NUMERIC column keeps the number.
            jdbi.registerArgument(new DecimalAsText());
        } else {
            // PostgreSQL has real DATE and TIMESTAMPTZ columns: bind the types themselves.
            jdbi.registerArgument(new LocalDateAsDate());
            jdbi.registerArgument(new InstantAsTimestamp());
            jdbi.setTransactionHandler(new SerializedTransactions(jdbi.getTransactionHandler()));
        }
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> StoredDates.localDate(rs.getString(col)));
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> StoredDates.instant(rs.getString(col)));
        return jdbi;
    }

    public Jdbi jdbi() { return jdbi; }
    /** The connection pool, for its metrics (ops/Metrics). */
    public HikariDataSource pool() { return dataSource; }
    /** The SQLite file; null on PostgreSQL. */
    public Path file() { return location.file(); }
    public DatabaseLocation location() { return location; }
    public Dialect dialect() { return location.dialect(); }

    /**
     * Closes the pooled SQLite connections that are idle (one in use closes when it is returned),
     * for when traffic has stopped; the pool opens a fresh one for the next request. Each SQLite
     * connection keeps its own page cache in C memory, up to 2 MB, filled under load; eight of them
     * kept about 20 MB after the benchmark, outside the JVM's accounting. Closing is asynchronous: the pool closes them on
     * its own thread within moments. On PostgreSQL the caches are on the database server, so
     * nothing is done.
     */
    public void releaseIdleConnections() {
        if (!location.isSqlite()) return;
        var pool = dataSource.getHikariPoolMXBean();
        if (pool != null) pool.softEvictConnections();
    }

    /** True when a trivial query answers; used by the health check. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    // Jdbi reads the bound type from the concrete subclass's type argument, so one class per type.
    private static final class LocalDateAsText extends AbstractArgumentFactory<LocalDate> {
        LocalDateAsText() { super(Types.VARCHAR); }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    /** To the microsecond, PostgreSQL's precision, so a copy either way (migrate-db) keeps every time exactly. */
    private static final class InstantAsText extends AbstractArgumentFactory<Instant> {
        InstantAsText() { super(Types.VARCHAR); }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position,
                    value.truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        }
    }

    private static final class DecimalAsText extends AbstractArgumentFactory<java.math.BigDecimal> {
        DecimalAsText() { super(Types.VARCHAR); }

        @Override
        protected Argument build(java.math.BigDecimal value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toPlainString());
        }
    }

    private static final class LocalDateAsDate extends AbstractArgumentFactory<LocalDate> {
        LocalDateAsDate() { super(Types.DATE); }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value);
        }
    }

    private static final class InstantAsTimestamp extends AbstractArgumentFactory<Instant> {
        InstantAsTimestamp() { super(Types.TIMESTAMP_WITH_TIMEZONE); }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            // PostgreSQL keeps microseconds: cut the rest off here rather than let the driver round
            return (position, statement, ctx) -> statement.setObject(position,
                    value.truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
        }
    }
}
