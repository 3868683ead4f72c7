package cn.jinjiang.aitraining.backup;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseCopy;
import cn.jinjiang.aitraining.db.DatabaseException;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code migrate-db --from DB --to DB}: moves a dashboard from SQLite to PostgreSQL, or back to a
 * new SQLite file. Every table is copied in one transaction and checked (row counts and a checksum
 * per table) before it commits; a target that is in use (it has accounts or audit entries) or an
 * existing SQLite file is refused. Stop the servers first: changes made during the copy are not in it.
 */
@Command(name = "migrate-db", mixinStandardHelpOptions = true,
        description = "Copy every table from one database to another (SQLite <-> PostgreSQL), checked per table.")
public final class MigrateDbCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "FILE|URL", description = "the database to copy (left unchanged)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "FILE|URL",
            description = "a new SQLite file, or an empty PostgreSQL database (jdbc:postgresql://HOST:PORT/DB?user=NAME)")
    String to;

    @Option(names = "--from-password-file", paramLabel = "FILE",
            description = "the first line is the password of --from (default: $DASHBOARD_DB_PASSWORD)")
    Path fromPasswordFile;

    @Option(names = "--to-password-file", paramLabel = "FILE",
            description = "the first line is the password of --to (default: $DASHBOARD_DB_PASSWORD)")
    Path toPasswordFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            DatabaseLocation source = DatabaseLocation.parse(from, fromPasswordFile);
            DatabaseLocation target = DatabaseLocation.parse(to, toPasswordFile);
            if (source.toString().equals(target.toString())) {
                return refuse(err, "--from and --to are the same database（源数据库与目标数据库相同）");
            }
            if (source.isSqlite() && !Files.isRegularFile(source.file())) {
                return refuse(err, "no database at " + source + "（找不到源数据库文件）");
            }
            if (target.isSqlite() && Files.exists(target.file()) && Files.size(target.file()) > 0) {
                return refuse(err, target + " already exists; migrate-db writes only a new SQLite file（目标文件已存在，不会覆盖）");
            }
            boolean newFile = target.isSqlite() && !Files.exists(target.file());
            List<DatabaseCopy.Table> tables;
            try (Database in = Database.open(source, Database.DEFAULT_CONNECT_WAIT);
                 Database into = Database.open(target, Database.DEFAULT_CONNECT_WAIT)) {
                tables = DatabaseCopy.copy(in, into);
            } catch (RuntimeException e) {
                if (newFile) deleteSqlite(target.file());
                throw e;
            }
            long rows = 0;
            for (DatabaseCopy.Table t : tables) {
                out.printf("%-24s %9d rows  sha256 %s%n", t.name(), t.rows(), t.checksum());
                rows += t.rows();
            }
            out.printf("Copied %d tables (%d rows) from %s to %s; row counts and checksums match.%n",
                    tables.size(), rows, source, target);
            return 0;
        } catch (DatabaseCopy.CopyRefused | DatabaseException e) {
            return refuse(err, e.getMessage());
        } catch (IOException e) {
            return refuse(err, e.getMessage());
        }
    }

    private static int refuse(PrintWriter err, String message) {
        err.println("Error: " + message + " Nothing was copied.（未复制任何数据。）");
        return 1;
    }

    private static void deleteSqlite(Path file) {
        for (String suffix : List.of("", "-wal", "-shm")) {
            try {
                Files.deleteIfExists(Path.of(file + suffix));
            } catch (IOException ignored) {
                // a leftover empty file is refused by the next run with a clear message
            }
        }
    }
}
