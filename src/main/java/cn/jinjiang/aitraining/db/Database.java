package cn.jinjiang.aitraining.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.sqlite.SQLiteConfig;

/**
 * The embedded SQLite database: opened with the settings that make an acknowledged write durable
 * (WAL, synchronous=FULL, IMMEDIATE write transactions), migrated with Flyway from {@code sql/}.
 */
public final class Database implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final Path file;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    /** Above this size the write-ahead log is checkpointed in full and truncated. */
    static final long WAL_CHECKPOINT_BYTES = 4L << 20;

    private Database(Path file, HikariDataSource dataSource) {
        this.file = file;
        this.dataSource = dataSource;
        this.jdbi = configure(Jdbi.create(dataSource));
        jdbi.getConfig(DataVersion.CommitSignal.class).afterEachCommit(this::checkpointIfLarge);
    }

    /**
     * Runs after every committed change. SQLite's automatic checkpoints are passive: while readers
     * keep arriving they copy pages back but never get to restart the log, which then grows without
     * end. Once the log passes {@link #WAL_CHECKPOINT_BYTES}, a TRUNCATE checkpoint waits (within the
     * busy timeout) for the short reads in progress, then empties it. Looking costs one stat() call.
     */
    void checkpointIfLarge() {
        try {
            Path wal = Path.of(file.toAbsolutePath() + "-wal");
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
        DatabaseCheck.Schema schema = DatabaseCheck.beforeOpening(file);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new DatabaseException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        HikariDataSource ds = new HikariDataSource(poolConfig(file));
        // Flyway applies and records every migration; when the file already has the newest one
        // (checked above), there is nothing for it to do and its start-up cost is skipped.
        if (schema != DatabaseCheck.Schema.CURRENT) {
            try {
                var result = Flyway.configure()
                        .dataSource(ds)
                        .locations("classpath:" + Migrations.LOCATION)
                        // Migrations write ${id_column} for a generated integer key; each database
                        // spells it its own way (SQLite: the rowid alias).
                        .placeholders(java.util.Map.of("id_column", "INTEGER PRIMARY KEY"))
                        .load()
                        .migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("Database {} migrated to schema version {} ({} migrations applied)",
                            file, result.targetSchemaVersion, result.migrationsExecuted);
                }
            } catch (RuntimeException e) {
                ds.close();
                throw new DatabaseException("cannot migrate " + file + ": " + e.getMessage(), e);
            }
        }
        return new Database(file, ds);
    }

    static HikariConfig poolConfig(Path file) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout(10_000);
        // Every write transaction takes the write lock up front, so two writers never deadlock
        // upgrading from a read lock; reads run in autocommit mode and are not affected.
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.setDataSourceProperties(sqlite.toProperties());
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setPoolName("sqlite");
        return config;
    }

    private static Jdbi configure(Jdbi jdbi) {
        // Dates and instants are stored as ISO-8601 text, which sorts and reads the same in SQLite
        // and PostgreSQL; the driver's default would store epoch milliseconds.
        jdbi.registerArgument(new LocalDateArgument());
        jdbi.registerArgument(new InstantArgument());
        jdbi.registerColumnMapper(LocalDate.class, (rs, col, ctx) -> StoredDates.localDate(rs.getString(col)));
        jdbi.registerColumnMapper(Instant.class, (rs, col, ctx) -> StoredDates.instant(rs.getString(col)));
        return jdbi;
    }

    public Jdbi jdbi() { return jdbi; }
    /** The connection pool, for its metrics (ops/Metrics). */
    public HikariDataSource pool() { return dataSource; }
    public Path file() { return file; }

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
    private static final class LocalDateArgument extends AbstractArgumentFactory<LocalDate> {
        LocalDateArgument() { super(Types.VARCHAR); }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }

    private static final class InstantArgument extends AbstractArgumentFactory<Instant> {
        InstantArgument() { super(Types.VARCHAR); }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setString(position, value.toString());
        }
    }
}
