package cn.jinjiang.aitraining.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;

/**
 * Looks at an existing database file before the server opens it for writing, and refuses clearly
 * — without changing a byte of it — when it is not SQLite, is corrupt, is read-only, or was made by
 * a newer version of the schema than this build knows.
 */
final class DatabaseCheck {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private DatabaseCheck() {}

    /** Files up to this size get a full {@code quick_check} on every start; it reads every page. */
    static final long FULL_CHECK_MAX_BYTES = 32L << 20;

    /** What the check found out about the schema, so the caller can skip a migration run that has nothing to do. */
    enum Schema { NEW, CURRENT, OLDER }

    static Schema beforeOpening(Path file) {
        if (!Files.exists(file)) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && Files.exists(folder) && !writable(folder)) {
                throw refuse(file, "its folder is read-only, so the database cannot be created",
                        "所在目录只读，无法创建数据库");
            }
            return Schema.NEW;
        }
        if (Files.isDirectory(file)) {
            throw refuse(file, "it is a folder, not a database file", "这是一个目录，不是数据库文件");
        }
        long size = size(file);
        if (size == 0) return Schema.NEW; // an empty file is a new database to SQLite
        if (!hasSqliteHeader(file)) {
            throw refuse(file, "it is not an SQLite database", "该文件不是SQLite数据库");
        }
        if (!writable(file) || !writable(file.toAbsolutePath().getParent())) {
            throw refuse(file, "it is read-only, and the server needs to write to it (and to its folder)",
                    "文件或所在目录只读，而服务器需要写入");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource readOnly = new SQLiteDataSource(config);
        // immutable=1: no locks and no -wal/-shm files, so looking changes nothing on disk. A WAL
        // left by a crash is not read here; the normal open replays it.
        readOnly.setUrl("jdbc:sqlite:file:" + file.toAbsolutePath().toUri().getRawPath() + "?immutable=1");
        checkIntegrity(file, readOnly, size);
        return checkSchemaVersion(file, readOnly);
    }

    /**
     * A full {@code quick_check} for files up to {@link #FULL_CHECK_MAX_BYTES}; a large file only has
     * its schema and migration history read, since checking every page would take minutes. Damage
     * deeper in a large file shows when that page is read, and {@code backup} checks every copy.
     */
    private static void checkIntegrity(Path file, SQLiteDataSource readOnly, long size) {
        String check = size <= FULL_CHECK_MAX_BYTES ? "PRAGMA quick_check"
                : "SELECT CASE WHEN COUNT(*) >= 0 THEN 'ok' END FROM sqlite_master";
        try (Connection c = readOnly.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(check)) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw refuse(file, "it is corrupt (quick_check: " + result + ")", "数据库文件已损坏");
            }
        } catch (SQLException e) {
            if (isCorruption(e)) throw refuse(file, "it is corrupt (" + e.getMessage() + ")", "数据库文件已损坏");
            // Any other failure (e.g. a WAL file we may not read) is left to the normal open, which reports it.
        }
    }

    /**
     * Compares the newest migration recorded in the file with the newest one this build ships. Done
     * with plain SQL rather than Flyway: it runs on every start, and Flyway's set-up costs time.
     */
    private static Schema checkSchemaVersion(Path file, SQLiteDataSource readOnly) {
        OptionalInt applied;
        boolean anyFailed;
        try (Connection c = readOnly.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            List<Integer> versions = new ArrayList<>();
            boolean failed = false;
            while (rs.next()) {
                versions.add(majorVersion(rs.getString(1)));
                failed |= !rs.getBoolean(2);
            }
            applied = versions.stream().mapToInt(Integer::intValue).max();
            anyFailed = failed;
        } catch (SQLException noHistoryYet) {
            return Schema.NEW; // a database this program has not migrated yet: the migration step decides
        }
        int shipped = Migrations.newestVersion(Dialect.SQLITE);
        if (applied.isPresent() && applied.getAsInt() > shipped) {
            throw refuse(file, "it was made by a newer version of this program (schema " + applied.getAsInt()
                    + ", this program knows up to " + shipped + "); upgrade the program or use a backup",
                    "数据库由更新版本的程序创建，请升级程序或使用备份");
        }
        return applied.isPresent() && applied.getAsInt() == shipped && !anyFailed ? Schema.CURRENT : Schema.OLDER;
    }

    static int majorVersion(String version) {
        try {
            return Integer.parseInt(version.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // a version this program could not have written
        }
    }

    private static boolean isCorruption(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == SQLiteErrorCode.SQLITE_CORRUPT.code || code == SQLiteErrorCode.SQLITE_NOTADB.code
                || String.valueOf(e.getMessage()).contains("malformed");
    }

    private static boolean hasSqliteHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
        } catch (IOException e) {
            throw refuse(file, "it cannot be read (" + e.getMessage() + ")", "无法读取该文件");
        }
    }

    /**
     * Writable for the operator's intent: root can write anything, so a file whose permission bits
     * say read-only is treated as read-only even then.
     */
    private static boolean writable(Path path) {
        if (path == null) return true;
        if (!Files.isWritable(path)) return false;
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            return permissions.contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException | IOException e) {
            return true;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw refuse(file, "it cannot be read (" + e.getMessage() + ")", "无法读取该文件");
        }
    }

    private static DatabaseException refuse(Path file, String why, String whyZh) {
        return new DatabaseException("Refusing to open " + file + ": " + why + ". Nothing was changed. "
                + "（拒绝打开数据库：" + whyZh + "；文件未作任何修改。）", null);
    }
}
