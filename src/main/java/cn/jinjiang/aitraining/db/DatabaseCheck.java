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
import java.util.Arrays;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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

    static void beforeOpening(Path file) {
        if (!Files.exists(file)) {
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && Files.exists(folder) && !writable(folder)) {
                throw refuse(file, "its folder is read-only, so the database cannot be created",
                        "所在目录只读，无法创建数据库");
            }
            return;
        }
        if (Files.isDirectory(file)) {
            throw refuse(file, "it is a folder, not a database file", "这是一个目录，不是数据库文件");
        }
        long size = size(file);
        if (size == 0) return; // an empty file is a new database to SQLite
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
        checkIntegrity(file, readOnly);
        checkSchemaVersion(file, readOnly);
    }

    private static void checkIntegrity(Path file, SQLiteDataSource readOnly) {
        try (Connection c = readOnly.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw refuse(file, "it is corrupt (quick_check: " + result + ")", "数据库文件已损坏");
            }
        } catch (SQLException e) {
            if (isCorruption(e)) throw refuse(file, "it is corrupt (" + e.getMessage() + ")", "数据库文件已损坏");
            // Any other failure (e.g. a WAL file we may not read) is left to the normal open, which reports it.
        }
    }

    private static void checkSchemaVersion(Path file, SQLiteDataSource readOnly) {
        MigrationInfo[] all;
        try {
            all = Flyway.configure().dataSource(readOnly).locations("classpath:sql").load().info().all();
        } catch (RuntimeException e) {
            return; // no schema history yet, or unreadable: the migration step decides
        }
        boolean newer = Arrays.stream(all).anyMatch(m ->
                m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED);
        if (newer) {
            throw refuse(file, "it was made by a newer version of this program (schema "
                    + Arrays.stream(all).map(MigrationInfo::getVersion).filter(v -> v != null).max(Comparable::compareTo).orElseThrow()
                    + "); upgrade the program or use a backup", "数据库由更新版本的程序创建，请升级程序或使用备份");
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
