package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.auth.AdminCommand;
import cn.jinjiang.aitraining.backup.BackupCommand;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseException;
import cn.jinjiang.aitraining.extract.ExtractCommand;
import cn.jinjiang.aitraining.generate.GenerateCommand;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: serves the dashboard, or runs one of the operator commands. */
@Command(name = "ai-training-dashboard", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Statistics dashboard of the Jinjiang AI training programme.")
public final class App implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--db", defaultValue = AppConfig.DEFAULT_DB, description = "SQLite database file (default: ${DEFAULT-VALUE})")
    Path db;

    @Option(names = "--behind-proxy", description = "trust X-Forwarded-For/-Proto from the reverse proxy named by --trusted-proxy")
    boolean behindProxy;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDR",
            description = "address(es) of the reverse proxy whose X-Forwarded-* headers are believed with --behind-proxy"
                    + " (default: the loopback addresses 127.0.0.1 and ::1)")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--cds-training", hidden = true,
            description = "the build's class-data-sharing training run: serve a temporary database on loopback, request every public page once, exit")
    boolean cdsTraining;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new App());
        cli.addSubcommand(new AdminCommand());
        cli.addSubcommand(new BackupCommand());
        cli.addSubcommand(new ExtractCommand());
        cli.addSubcommand(new GenerateCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(e instanceof DatabaseException ? "Error: " + e.getMessage() : "Error: " + e);
            return 1;
        });
        return cli;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (cdsTraining) return ArchiveTraining.run();
        AppConfig config = new AppConfig(host, port, db, behindProxy, trustedProxies);
        Database database = Database.open(db);
        AppServices services = AppServices.create(config, database, Clock.systemUTC());
        services.accounts().ensureInitialAdmin().ifPresent(password -> LOG.warn(
                "No admin account existed, so one was created. Sign in at /admin/login as '{}' with the one-time password: {}"
                        + " -- change it now with: java -jar ai-training-dashboard.jar admin create --username {} --password-stdin --db {}"
                        + " (this password is shown only once; only its hash is stored)",
                cn.jinjiang.aitraining.auth.AdminAccounts.INITIAL_USERNAME, password,
                cn.jinjiang.aitraining.auth.AdminAccounts.INITIAL_USERNAME, db));
        Javalin app = WebApp.create(services);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            database.close();
            stopped.countDown();
        }, "shutdown"));
        app.start(host, port);
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        LOG.info("Dashboard running at http://{}:{}/ (database {})", shown, app.port(), db.toAbsolutePath());
        MemoryFootprint footprint = MemoryFootprint.keepSmall();
        stopped.await();
        footprint.close();
        return 0;
    }
}
