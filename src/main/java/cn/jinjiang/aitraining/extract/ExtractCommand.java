package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.db.DatabaseException;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code extract}: reads a UTF-8 text from stdin and prints one JSON object per figure, in text
 * order. Meant to be registered as a subcommand of the application's main command.
 *
 * <p>Exit codes: 0 on success (also for empty input, which prints nothing), 2 for a bad
 * {@code --date} or {@code --db}, 1 when the database cannot be read.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract reported figures from a Chinese text read on stdin; prints JSON lines.")
public final class ExtractCommand implements Callable<Integer> {

    /** Exit code for bad arguments, the same picocli uses for usage errors. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the database given with {@code --db} cannot be read. */
    public static final int EXIT_FAILURE = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Publication date of the text; dates without a year take its year.")
    String date;

    @Option(names = "--db", paramLabel = "FILE|URL",
            description = "A dashboard database, an SQLite file or a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB?user=NAME;"
                    + " the password from $DASHBOARD_DB_PASSWORD or --db-password-file): each line then also says which existing"
                    + " figure the number may update (suggested_figure, suggestion_reason), its normalised period (period,"
                    + " period_en) and its flags.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "PostgreSQL: the file whose first line is the password (default: $DASHBOARD_DB_PASSWORD)")
    Path dbPasswordFile;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final FigureExtractor extractor = new FigureExtractor();
    private final FigureCatalogue catalogue;

    /** Uses the process's stdin/stdout/stderr; without a catalogue {@code --db} is refused. */
    public ExtractCommand() {
        this(null);
    }

    /** Uses the process's stdin/stdout/stderr; {@code --db} reads its figures through {@code catalogue}. */
    public ExtractCommand(FigureCatalogue catalogue) {
        this(System.in, System.out, System.err, catalogue);
    }

    /** Streams are injectable so tests and the web app can run the command in-process. */
    public ExtractCommand(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, null);
    }

    public ExtractCommand(InputStream in, PrintStream out, PrintStream err, FigureCatalogue catalogue) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.catalogue = catalogue;
    }

    @Override
    public Integer call() {
        LocalDate publication = null;
        if (date != null) {
            try {
                publication = LocalDate.parse(date.trim());
            } catch (DateTimeParseException e) {
                err.println("extract: invalid --date '" + date + "': expected YYYY-MM-DD, e.g. 2025-05-19");
                err.flush();
                return EXIT_USAGE;
            }
        }
        FigureSuggester suggester = null;
        if (db != null) {
            if (catalogue == null) {
                err.println("extract: --db is not available in this build");
                err.flush();
                return EXIT_USAGE;
            }
            DatabaseLocation location;
            try {
                location = DatabaseLocation.parse(db, dbPasswordFile);
            } catch (DatabaseException e) { // a password in the URL, a password file for an SQLite file
                err.println("extract: " + e.getMessage());
                err.flush();
                return EXIT_USAGE;
            }
            // Reading must not create an empty SQLite file where a mistyped path points.
            if (location.isSqlite() && !Files.isRegularFile(location.file())) {
                err.println("extract: no database file '" + location.file() + "'");
                err.flush();
                return EXIT_USAGE;
            }
            try {
                suggester = new FigureSuggester(catalogue.load(location));
            } catch (DatabaseException e) { // unreachable, refused, newer schema: the message says which, never the password
                err.println("extract: " + e.getMessage());
                err.flush();
                return EXIT_FAILURE;
            }
        }
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
        for (Candidate c : extractor.extract(text, publication)) {
            // bytes, not chars: the output is UTF-8 whatever the platform encoding of `out` is
            byte[] line = suggester == null ? toJsonLine(c) : toJsonLine(c, suggester.suggest(c, publication));
            out.write(line, 0, line.length);
        }
        out.flush();
        return 0;
    }

    /** One JSON object plus newline, UTF-8 encoded. Field order is part of the output contract. */
    static byte[] toJsonLine(Candidate c) {
        return line(fields(c));
    }

    /**
     * The same object followed by what {@code --db} adds: {@code suggested_figure} (key or null),
     * {@code suggestion_reason}, {@code suggestion_confidence}, {@code period}, {@code period_en}
     * (null when unknown, never Chinese) and {@code flags}.
     */
    static byte[] toJsonLine(Candidate c, FigureSuggester.Suggestion s) {
        ObjectNode o = fields(c);
        if (s.figureKey() == null) {
            o.putNull("suggested_figure");
        } else {
            o.put("suggested_figure", s.figureKey());
        }
        o.put("suggestion_reason", s.reasonEn());
        o.put("suggestion_confidence", s.confidence());
        String period = s.period().zh();
        if (period == null || period.isEmpty()) {
            o.putNull("period");
        } else {
            o.put("period", period);
        }
        o.put("period_en", s.period().en());
        ArrayNode flags = o.putArray("flags");
        s.flags().forEach(flags::add);
        return line(o);
    }

    private static ObjectNode fields(Candidate c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", c.text());
        if (c.value() == null) {
            o.putNull("value");
        } else {
            o.put("value", c.value());
        }
        o.put("unit", c.unit());
        o.put("qualifier", c.qualifier().code());
        o.put("kind", c.kind().label());
        o.put("quote", c.quote());
        o.put("subject", c.subject());
        o.put("scope", c.scope());
        if (c.kind() == Kind.DATE) {
            o.put("date", c.date());
        }
        return o;
    }

    private static byte[] line(ObjectNode o) {
        try {
            return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
