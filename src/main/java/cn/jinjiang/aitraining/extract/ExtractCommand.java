package cn.jinjiang.aitraining.extract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * {@code --date}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract reported figures from a Chinese text read on stdin; prints JSON lines.")
public final class ExtractCommand implements Callable<Integer> {

    /** Exit code for bad arguments, the same picocli uses for usage errors. */
    public static final int EXIT_USAGE = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Publication date of the text; dates without a year take its year.")
    String date;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final FigureExtractor extractor = new FigureExtractor();

    /** Uses the process's stdin/stdout/stderr. */
    public ExtractCommand() {
        this(System.in, System.out, System.err);
    }

    /** Streams are injectable so tests and the web app can run the command in-process. */
    public ExtractCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
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
        String text;
        try {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin", e);
        }
        for (Candidate c : extractor.extract(text, publication)) {
            // bytes, not chars: the output is UTF-8 whatever the platform encoding of `out` is
            byte[] line = toJsonLine(c);
            out.write(line, 0, line.length);
        }
        out.flush();
        return 0;
    }

    /** One JSON object plus newline, UTF-8 encoded. Field order is part of the output contract. */
    static byte[] toJsonLine(Candidate c) {
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
        try {
            return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
