package cn.jinjiang.aitraining.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code backup --db FILE --to OUT.db}: a consistent copy taken while the server runs and writes. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Write a consistent online backup of the database (safe while the server runs).")
public final class BackupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", defaultValue = "data/dashboard.db", paramLabel = "FILE|URL",
            description = "database to back up (default: ${DEFAULT-VALUE})")
    String db;

    @Option(names = "--to", required = true, description = "backup file to write; must not exist yet")
    Path to;

    @Override
    public Integer call() {
        if (db.startsWith("jdbc:postgresql:")) {
            // PostgreSQL has its own consistent online backup; this program does not copy its files.
            spec.commandLine().getErr().println(Backup.postgresqlAdvice(db, to));
            return 2;
        }
        try {
            Backup.Result result = Backup.take(Path.of(db), to);
            spec.commandLine().getOut().printf("Backup of %s written to %s (%d bytes, integrity ok).%n",
                    db, to, result.bytes());
            return 0;
        } catch (Backup.BackupException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
    }
}
