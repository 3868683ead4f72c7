package cn.jinjiang.aitraining.generate;

import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseException;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code generate --db FILE|URL --figures N --observations M --events K}: synthetic data for benchmarks,
 * into a new SQLite file or an existing (migrated here if empty) PostgreSQL database.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Fill a NEW database with synthetic but plausible data, for benchmarks only.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE|URL",
            description = "database to fill (never the default database file): an SQLite file, or a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://HOST:PORT/DB?user=NAME; the password from $DASHBOARD_DB_PASSWORD or --db-password-file)")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "PostgreSQL: the file whose first line is the password (default: $DASHBOARD_DB_PASSWORD)")
    Path dbPasswordFile;

    @Option(names = "--figures", defaultValue = "100", description = "number of figures (default: ${DEFAULT-VALUE})")
    int figures;

    @Option(names = "--observations", defaultValue = "10", description = "observations per figure (default: ${DEFAULT-VALUE})")
    int observations;

    @Option(names = "--events", defaultValue = "100", description = "number of events (default: ${DEFAULT-VALUE})")
    int events;

    @Override
    public Integer call() {
        DatabaseLocation location;
        try {
            location = DatabaseLocation.parse(db, dbPasswordFile);
        } catch (DatabaseException e) { // a password in the URL, a password file for an SQLite file
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 2;
        }
        if (location.isSqlite() && location.file().toAbsolutePath().normalize()
                .equals(Path.of(AppConfig.DEFAULT_DB).toAbsolutePath().normalize())) {
            spec.commandLine().getErr().println("Error: refusing to put synthetic data into the default database "
                    + AppConfig.DEFAULT_DB + "; name another file（不会向默认数据库写入合成数据）");
            return 2;
        }
        if (figures < 0 || observations < 1 || events < 0 || figures > 1_000_000 || observations > 10_000 || events > 1_000_000) {
            spec.commandLine().getErr().println("Error: use 0..1000000 figures, 1..10000 observations and 0..1000000 events");
            return 2;
        }
        try (Database database = Database.open(location, Database.DEFAULT_CONNECT_WAIT)) {
            long started = System.nanoTime();
            SyntheticData.Counts counts = new SyntheticData(database.jdbi()).generate(figures, observations, events);
            double seconds = (System.nanoTime() - started) / 1e9;
            spec.commandLine().getOut().printf("Generated %d figures, %d observations and %d events in %s in %.1f s.%n",
                    counts.figures(), counts.observations(), counts.events(), location, seconds);
            return 0;
        } catch (SyntheticData.AlreadyGeneratedException | DatabaseException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
    }
}
