package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The database a test runs on. The HTTP and durability tests run twice: on SQLite (the default) and,
 * in pom.xml's second surefire execution, with {@code -Dtest.db=postgresql} on a throwaway cluster.
 */
public enum TestDatabase {
    SQLITE, POSTGRESQL;

    /** What {@code -Dtest.db} asks for ({@code sqlite} when unset). */
    public static TestDatabase chosen() {
        String asked = System.getProperty("test.db", "sqlite").trim().toLowerCase(Locale.ROOT);
        return switch (asked) {
            case "", "sqlite" -> SQLITE;
            case "postgresql", "postgres", "pg" -> POSTGRESQL;
            default -> throw new IllegalArgumentException("-Dtest.db=" + asked + ": sqlite or postgresql");
        };
    }

    /** A plain JDBC connection to a test database, for checks in SQL of the test's own. */
    public static Connection connect(DatabaseLocation location) throws SQLException {
        return location.isSqlite() ? DriverManager.getConnection("jdbc:sqlite:" + location.file().toAbsolutePath())
                : DriverManager.getConnection(location.jdbcUrl(), PostgresCluster.SUPERUSER, PostgresCluster.PASSWORD);
    }

    /** Gives a server process started by a test the password of a PostgreSQL location, as an operator would. */
    public static ProcessBuilder withPassword(ProcessBuilder process, DatabaseLocation location) {
        if (!location.isSqlite()) process.environment().put(DatabaseLocation.PASSWORD_ENV, PostgresCluster.PASSWORD);
        return process;
    }

    /**
     * A new, migrated database for a test that runs its own server processes: a file in
     * {@code folder}, or a database of its own on the cluster. Pass {@link DatabaseLocation#toString()}
     * as {@code --db}.
     */
    public DatabaseLocation fresh(Path folder, String fileName) {
        if (this == POSTGRESQL) return PostgresCluster.get().newDatabase();
        Path file = folder.resolve(fileName);
        Database.open(file).close();
        return DatabaseLocation.sqlite(file);
    }
}
