package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.auth.AdminCommand;
import cn.jinjiang.aitraining.backup.BackupCommand;
import cn.jinjiang.aitraining.backup.MigrateDbCommand;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseException;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.extract.ExtractCommand;
import cn.jinjiang.aitraining.generate.GenerateCommand;
import cn.jinjiang.aitraining.ops.OpsOptions;
import cn.jinjiang.aitraining.suggest.KnownFigures;
import cn.jinjiang.aitraining.web.Warmup;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Entry point: serves the dashboard, or runs one of the operator commands. */
@Command(name = "ai-training-dashboard", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "Statistics dashboard of the Jinjiang AI training programme.")
public final class App implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    @Option(names = "--port", defaultValue = "7070", description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--db", defaultValue = AppConfig.DEFAULT_DB, paramLabel = "FILE|URL",
            description = "SQLite database file (default: ${DEFAULT-VALUE}), or a PostgreSQL JDBC URL"
                    + " (jdbc:postgresql://HOST:PORT/DB?user=NAME; the password from $DASHBOARD_DB_PASSWORD or --db-password-file)")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "file whose first line is the PostgreSQL password (instead of $DASHBOARD_DB_PASSWORD)")
    Path dbPasswordFile;

    @Option(names = "--db-wait", defaultValue = "30", paramLabel = "SECONDS",
            description = "how long start-up waits for a PostgreSQL server that does not answer (default: ${DEFAULT-VALUE})")
    int dbWaitSeconds;

    @Option(names = "--behind-proxy", description = "trust X-Forwarded-For/-Proto from the reverse proxy named by --trusted-proxy")
    boolean behindProxy;

    @Option(names = "--trusted-proxy", split = ",", paramLabel = "ADDR",
            description = "address(es) of the reverse proxy whose X-Forwarded-* headers are believed with --behind-proxy"
                    + " (default: the loopback addresses 127.0.0.1 and ::1)")
    java.util.List<String> trustedProxies = new java.util.ArrayList<>();

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "serve Prometheus metrics at http://METRICS-HOST:N/metrics (default: off); never on the public port")
    Integer metricsPort;

    @Option(names = "--metrics-host", defaultValue = OpsOptions.DEFAULT_METRICS_HOST, paramLabel = "ADDR",
            description = "address the metrics port listens on (default: ${DEFAULT-VALUE})")
    String metricsHost;

    @Option(names = "--access-log", paramLabel = "FILE",
            description = "one line per request (time method route status bytes ms request-id), appended to FILE, or '-' for standard output (default: off)")
    String accessLog;

    @Option(names = "--embed-origins", split = ",", paramLabel = "ORIGIN",
            description = "sites whose pages may frame a chart's /charts/{slug}/embed page, e.g. https://intranet.example"
                    + " (default: none; every page refuses to be framed)")
    java.util.List<String> embedOrigins = new java.util.ArrayList<>();

    @Option(names = "--warm-up", defaultValue = "" + Warmup.DEFAULT_REQUESTS, paramLabel = "N",
            description = "requests for the public pages the server sends itself, in memory, the moment the port opens"
                    + " (default: ${DEFAULT-VALUE}, none: on two cores it slowed the first seconds; see README)")
    int warmUpRequests;

    @Option(names = "--cds-training-database", hidden = true, paramLabel = "FOLDER",
            description = "the build's first class-data-sharing training step: create FOLDER/dashboard.db as a first start would, exit")
    Path cdsTrainingDatabase;

    @Option(names = "--cds-training", hidden = true, paramLabel = "FOLDER",
            description = "the build's class-data-sharing training run: serve FOLDER/dashboard.db on loopback, request every public page once, delete FOLDER, exit")
    Path cdsTraining;

    public static void main(String[] args) {
        Optional<App> server = isServerLine(args) ? ServerArguments.read(args) : Optional.empty();
        if (server.isPresent()) {
            System.exit(server.get().serve());
        }
        System.exit(commandLineFor(args).execute(args));
    }

    /** Runs the server as picocli's {@code execute} would: a failure is one line on standard error and exit code 1. */
    int serve() {
        try {
            return call();
        } catch (Exception e) {
            System.err.println(errorLine(e));
            return 1;
        }
    }

    /** Names of the operator commands; anything else on the command line is the server's. */
    static final java.util.Set<String> COMMANDS = java.util.Set.of("admin", "backup", "migrate-db", "extract", "generate");
    private static final java.util.Set<String> HELP = java.util.Set.of("-h", "--help", "-V", "--version");

    /**
     * The server alone when the arguments are plainly the server's, else the whole command line.
     * Building every subcommand (their options by reflection, the extractor's JSON set-up) costs a
     * start-up tenth of a second the server does not need; help, versions, operator commands and any
     * argument the server does not know get the whole command line and its usual messages.
     */
    static CommandLine commandLineFor(String[] args) {
        if (isServerLine(args)) {
            CommandLine alone = new CommandLine(new App());
            try {
                alone.parseArgs(args);
                return withErrorMessages(alone); // execute() parses again, from the defaults
            } catch (CommandLine.ParameterException notTheServers) {
                // fall through: the whole command line explains what is wrong
            }
        }
        return commandLine();
    }

    /** No operator command and no help: the arguments are the server's, or mistaken. */
    private static boolean isServerLine(String[] args) {
        return java.util.Arrays.stream(args).noneMatch(a -> COMMANDS.contains(a) || HELP.contains(a));
    }

    /** The command line with every subcommand, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new App());
        cli.addSubcommand(new AdminCommand());
        cli.addSubcommand(new BackupCommand());
        cli.addSubcommand(new MigrateDbCommand());
        cli.addSubcommand(new ExtractCommand(KnownFigures.fromDatabase()));
        cli.addSubcommand(new GenerateCommand());
        return withErrorMessages(cli);
    }

    /** A failure is one line for the operator, never a stack trace. */
    private static CommandLine withErrorMessages(CommandLine cli) {
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(errorLine(e));
            return 1;
        });
        return cli;
    }

    private static String errorLine(Exception e) {
        return e instanceof DatabaseException ? "Error: " + e.getMessage() : "Error: " + e;
    }

    @Override
    public Integer call() throws InterruptedException, java.io.IOException {
        if (cdsTrainingDatabase != null) return ArchiveTraining.prepare(cdsTrainingDatabase);
        if (cdsTraining != null) return ArchiveTraining.run(cdsTraining);
        DatabaseLocation location = DatabaseLocation.parse(db, dbPasswordFile);
        AppConfig config = new AppConfig(host, port, location.file(), behindProxy, trustedProxies,
                new OpsOptions(metricsHost, metricsPort, accessLog), embedOrigins);
        Database database = Database.open(location, java.time.Duration.ofSeconds(Math.max(0, dbWaitSeconds)));
        AppServices services = AppServices.create(config, database, Clock.systemUTC());
        services.accounts().ensureInitialAdmin().ifPresent(password -> LOG.warn(
                "No admin account existed, so one was created. Sign in at /admin/login as '{}' with the one-time password: {}"
                        + " -- the first sign-in asks for your own password (at /admin/account); or set it with: java -jar ai-training-dashboard.jar admin create --username {} --password-stdin --db {}"
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
        Warmup.start(app, localHost(host) + ":" + app.port(), warmUpRequests);
        String shown = host.equals("0.0.0.0") ? "localhost" : host;
        LOG.info("Dashboard running at http://{}:{}/ (database {})", shown, app.port(),
                location.isSqlite() ? location.file().toAbsolutePath() : location);
        MemoryFootprint footprint = MemoryFootprint.keepSmall(database::releaseIdleConnections);
        stopped.await();
        footprint.close();
        return 0;
    }

    /** The address a client on this machine uses for the server: its Host header, for the warm-up's renders. */
    private static String localHost(String host) {
        return switch (host) {
            case "0.0.0.0" -> "127.0.0.1";
            case "::", "[::]" -> "[::1]";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
    }
}
