package cn.jinjiang.aitraining.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Where the data lives, as given to {@code --db}: an SQLite file (a path), or a PostgreSQL server
 * ({@code jdbc:postgresql://host:port/db?user=dash}). The PostgreSQL password never comes from the
 * command line: it is read from {@value #PASSWORD_ENV} or a file ({@code --db-password-file}), and
 * {@link #toString()} never shows it.
 */
public final class DatabaseLocation {
    /** The environment variable holding the PostgreSQL password. */
    public static final String PASSWORD_ENV = "DASHBOARD_DB_PASSWORD";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);

    private final Dialect dialect;
    private final Path file;
    private final String jdbcUrl;
    private final String password;

    private DatabaseLocation(Dialect dialect, Path file, String jdbcUrl, String password) {
        this.dialect = dialect;
        this.file = file;
        this.jdbcUrl = jdbcUrl;
        this.password = password;
    }

    public static DatabaseLocation sqlite(Path file) {
        return new DatabaseLocation(Dialect.SQLITE, file, null, null);
    }

    /** A PostgreSQL URL and its password (null: none, e.g. peer or trust authentication). */
    public static DatabaseLocation postgresql(String jdbcUrl, String password) {
        if (!jdbcUrl.startsWith(POSTGRESQL_PREFIX)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        if (PASSWORD_IN_URL.matcher(jdbcUrl).find()) {
            throw new DatabaseException("The database URL must not carry the password (the process list and logs would"
                    + " show it): set " + PASSWORD_ENV + " or use --db-password-file."
                    + "（数据库地址中不能包含密码，请使用环境变量 " + PASSWORD_ENV + " 或 --db-password-file。）", null);
        }
        return new DatabaseLocation(Dialect.POSTGRESQL, null, jdbcUrl, password);
    }

    /**
     * What {@code --db} says: a {@code jdbc:postgresql:} URL (its password from {@code passwordFile}, else
     * {@value #PASSWORD_ENV}), a {@code jdbc:sqlite:} URL, or a file path.
     */
    public static DatabaseLocation parse(String text, Path passwordFile) {
        if (isPostgresql(text)) {
            return postgresql(text, password(passwordFile));
        }
        if (text.startsWith("jdbc:sqlite:")) return sqlite(Path.of(text.substring("jdbc:sqlite:".length())));
        if (passwordFile != null) {
            throw new DatabaseException("--db-password-file is for a PostgreSQL database; " + text + " is an SQLite file."
                    + "（--db-password-file 仅用于 PostgreSQL 数据库。）", null);
        }
        return sqlite(Path.of(text));
    }

    /** Whether {@code --db} names a PostgreSQL server rather than an SQLite file. */
    private static boolean isPostgresql(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).startsWith(POSTGRESQL_PREFIX);
    }

    /** The password from the file (its first line), else from the environment, else none. */
    static String password(Path passwordFile) {
        if (passwordFile != null) {
            try {
                String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
                int newline = content.indexOf('\n');
                String line = newline < 0 ? content : content.substring(0, newline);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            } catch (IOException e) {
                throw new DatabaseException("cannot read the password file " + passwordFile + " (" + e.getClass().getSimpleName()
                        + ")（无法读取密码文件）", null);
            }
        }
        String fromEnvironment = System.getenv(PASSWORD_ENV);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    public Dialect dialect() { return dialect; }
    public boolean isSqlite() { return dialect == Dialect.SQLITE; }
    /** The SQLite file; null for PostgreSQL. */
    public Path file() { return file; }
    /** The PostgreSQL URL (no password in it); null for SQLite. */
    public String jdbcUrl() { return jdbcUrl; }
    String password() { return password; }

    /** For logs and messages: the file, or the URL (which never holds the password). */
    @Override
    public String toString() {
        return isSqlite() ? file.toString() : jdbcUrl;
    }
}
