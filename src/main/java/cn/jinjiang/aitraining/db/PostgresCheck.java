package cn.jinjiang.aitraining.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Looks at a PostgreSQL database before the server migrates or uses it, and refuses clearly —
 * having changed nothing — when the server cannot be reached (after asking again for a bounded
 * time), is a read-only standby, holds a schema newer than this build knows, or the user lacks a
 * right the server needs (to create the tables on a new database; to read and write every table).
 */
final class PostgresCheck {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PostgresCheck.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private PostgresCheck() {}

    static DatabaseCheck.Schema beforeOpening(DatabaseLocation location, Duration wait) {
        try (Connection c = connect(location, wait)) {
            if (bool(c, "SELECT pg_is_in_recovery()")) {
                throw refuse(location, "it is a read-only standby; point --db at the primary", "这是只读的备用服务器，请连接主服务器");
            }
            String schema = one(c, "SELECT current_schema()");
            if (schema == null) {
                throw refuse(location, "the user has no schema to work in (check search_path and the schema's owner)",
                        "该用户没有可用的schema（请检查 search_path）");
            }
            // pg_tables lists every table; information_schema only those the user has some right on
            List<String> tables = strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    + " ORDER BY tablename");
            List<String> lacking = strings(c, """
                    SELECT tablename FROM pg_tables
                     WHERE schemaname = current_schema()
                       AND NOT has_table_privilege(quote_ident(schemaname) || '.' || quote_ident(tablename),
                                                   CASE WHEN tablename = 'flyway_schema_history' THEN 'SELECT'
                                                        ELSE 'SELECT, INSERT, UPDATE, DELETE' END)
                     ORDER BY tablename""");
            if (!lacking.isEmpty()) {
                throw refuse(location, "the user " + one(c, "SELECT current_user") + " may not read and write table(s) "
                        + String.join(", ", lacking) + " (needs SELECT, INSERT, UPDATE, DELETE)", "该用户对部分表没有读写权限");
            }
            DatabaseCheck.Schema found = tables.contains("flyway_schema_history") ? schemaVersion(c, location)
                    : DatabaseCheck.Schema.NEW;
            if (found == DatabaseCheck.Schema.NEW && !tables.isEmpty()) {
                throw refuse(location, "schema \"" + schema + "\" already holds tables of something else (" + tables.get(0)
                        + " …); use an empty database or schema", "该schema中已有其他程序的表，请使用空数据库");
            }
            if (found != DatabaseCheck.Schema.CURRENT && !bool(c, "SELECT has_schema_privilege(current_schema(), 'CREATE')")) {
                throw refuse(location, "the user " + one(c, "SELECT current_user") + " may not create tables in schema \""
                        + schema + "\" (GRANT CREATE ON SCHEMA " + schema + " TO ...; or make the user its owner)",
                        "该用户无权在schema中建表");
            }
            return found;
        } catch (SQLException e) {
            throw refuse(location, "it answered with an error: " + e.getMessage(), "数据库返回错误");
        }
    }

    /** The newest migration recorded, against the newest this build ships. */
    private static DatabaseCheck.Schema schemaVersion(Connection c, DatabaseLocation location) throws SQLException {
        int applied = 0;
        boolean anyFailed = false;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            while (rs.next()) {
                applied = Math.max(applied, DatabaseCheck.majorVersion(rs.getString(1)));
                anyFailed |= !rs.getBoolean(2);
            }
        }
        int shipped = Migrations.newestVersion(Dialect.POSTGRESQL);
        if (applied > shipped) {
            throw refuse(location, "it was made by a newer version of this program (schema " + applied
                    + ", this program knows up to " + shipped + "); upgrade the program or restore a backup",
                    "数据库由更新版本的程序创建，请升级程序或使用备份");
        }
        return applied == shipped && !anyFailed ? DatabaseCheck.Schema.CURRENT : DatabaseCheck.Schema.OLDER;
    }

    /**
     * A connection, asking again every second while the server cannot be reached (it may be
     * starting) until {@code wait} has passed. A wrong password or a missing database is final.
     */
    private static Connection connect(DatabaseLocation location, Duration wait) {
        Properties properties = new Properties();
        if (location.password() != null) properties.setProperty("password", location.password());
        properties.setProperty("connectTimeout", String.valueOf(Math.max(1, Math.min(10, wait.toSeconds()))));
        long deadline = System.nanoTime() + wait.toNanos();
        boolean told = false;
        while (true) {
            try {
                return DriverManager.getConnection(location.jdbcUrl(), properties);
            } catch (SQLException e) {
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (state.startsWith("28")) {
                    throw refuse(location, "the server refused the user name or password (" + e.getMessage() + ")",
                            "用户名或密码被拒绝");
                }
                if (state.equals("3D000")) {
                    throw refuse(location, "the database does not exist (" + e.getMessage() + ")", "数据库不存在");
                }
                boolean worthWaiting = state.startsWith("08") || state.equals("57P03") || state.equals("53300");
                if (!worthWaiting || System.nanoTime() >= deadline) {
                    throw refuse(location, "it could not be reached"
                            + (worthWaiting ? " within " + wait.toSeconds() + " s" : "") + " (" + e.getMessage() + ")",
                            "无法连接数据库服务器");
                }
                if (!told) {
                    LOG.warn("PostgreSQL at {} does not answer yet ({}); trying again for up to {} s",
                            location, e.getMessage(), wait.toSeconds());
                    told = true;
                }
                try {
                    Thread.sleep(RETRY_EVERY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw refuse(location, "interrupted while waiting for it", "等待数据库时被中断");
                }
            }
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean bool(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) values.add(rs.getString(1));
        }
        return values;
    }

    static DatabaseException refuse(DatabaseLocation location, String why, String whyZh) {
        return new DatabaseException("Refusing to open " + location + ": " + why + ". Nothing was changed. "
                + "（拒绝打开数据库：" + whyZh + "；数据库未作任何修改。）", null);
    }
}
