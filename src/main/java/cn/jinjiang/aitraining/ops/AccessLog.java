package cn.jinjiang.aitraining.ops;

import cn.jinjiang.aitraining.web.RequestObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One line per request, fields separated by single spaces (none of them can hold a space):
 * <pre>time method route status bytes ms request-id</pre>
 * e.g. {@code 2026-11-29T14:52:01.123Z GET /figures/{key} 200 5123 12.4 5f3c9a1b2e4d6f70}. The route is
 * the pattern, never the path or the query, so the log holds no search text and stays groupable.
 * Each line is flushed as it is written: {@code tail -f} sees it, a crash loses none.
 */
public final class AccessLog implements Consumer<RequestObserver.Outcome>, AutoCloseable {
    private final PrintWriter out;
    private final boolean ownsStream;

    private AccessLog(OutputStream stream, boolean ownsStream) {
        this.out = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
        this.ownsStream = ownsStream;
    }

    /** {@code -} writes to standard output; anything else is a file, appended to (created if missing). */
    public static AccessLog open(String target) {
        if (OpsOptions.STANDARD_OUTPUT.equals(target)) return new AccessLog(System.out, false);
        Path file = Path.of(target);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return new AccessLog(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(RequestObserver.Outcome o) {
        String line = line(Instant.now(), o);
        synchronized (out) {
            out.write(line);
            out.write('\n');
            out.flush();
        }
    }

    static String line(Instant time, RequestObserver.Outcome o) {
        return time.truncatedTo(ChronoUnit.MILLIS) + " " + o.method() + " " + o.route() + " " + o.status() + " " + o.bytes()
                + " " + String.format(Locale.ROOT, "%.1f", o.nanos() / 1e6) + " " + o.requestId();
    }

    @Override
    public void close() {
        synchronized (out) {
            out.flush();
            if (ownsStream) out.close();
        }
    }
}
