package cn.jinjiang.aitraining.backup;

import java.io.IOException;
import java.io.Serial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Online backup with {@code VACUUM INTO}: it reads the database inside one read transaction, so the
 * copy is a consistent snapshot even while the server commits (WAL lets readers and the writer run
 * together). The copy is then checked with {@code PRAGMA integrity_check}.
 */
public final class Backup {
    private Backup() {}

    public record Result(Path file, long bytes) {}

    /**
     * What to do instead on PostgreSQL: {@code pg_dump} takes a consistent snapshot while the servers
     * run, and {@code pg_restore} puts it back. The password stays in the environment (PGPASSWORD).
     */
    public static String postgresqlAdvice(String jdbcUrl, Path to) {
        String uri = jdbcUrl.substring("jdbc:".length());
        String file = to.toString().endsWith(".db") ? to.toString().substring(0, to.toString().length() - 3) + ".dump"
                : to.toString();
        return "This database is on PostgreSQL: back it up with pg_dump, which takes a consistent snapshot while the"
                + " servers run（PostgreSQL 数据库请用 pg_dump 备份）:\n"
                + "  PGPASSWORD=\"$DASHBOARD_DB_PASSWORD\" pg_dump --format=custom --file='" + file + "' '" + uri + "'\n"
                + "Restore into a new, empty database（恢复到新的空数据库）:\n"
                + "  PGPASSWORD=\"$DASHBOARD_DB_PASSWORD\" pg_restore --no-owner --dbname='" + uri + "' '" + file + "'";
    }

    public static Result take(Path db, Path to) {
        if (!Files.isRegularFile(db)) throw new BackupException("no database at " + db + "（找不到数据库文件）");
        if (Files.exists(to)) {
            throw new BackupException(to + " already exists; choose a new file name（目标文件已存在，不会覆盖）");
        }
        Path partial = to.resolveSibling(to.getFileName() + ".partial");
        try {
            Path folder = to.toAbsolutePath().getParent();
            if (folder != null) Files.createDirectories(folder);
            Files.deleteIfExists(partial);
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            try (Connection c = config.createConnection("jdbc:sqlite:" + db.toAbsolutePath());
                 PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
                vacuum.setString(1, partial.toAbsolutePath().toString());
                vacuum.execute();
            }
            verify(partial);
            // Only a complete, verified copy gets the requested name.
            Files.move(partial, to);
            return new Result(to, Files.size(to));
        } catch (SQLException | IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // nothing more to clean
            }
            throw new BackupException("backup failed: " + e.getMessage() + "（备份失败）");
        }
    }

    private static void verify(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) throw new SQLException("integrity_check of the copy: " + result);
        }
    }

    public static final class BackupException extends RuntimeException {
        @Serial
        private static final long serialVersionUID = 1L;

        public BackupException(String message) {
            super(message);
        }
    }
}
