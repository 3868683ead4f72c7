package cn.jinjiang.aitraining.web;

import io.javalin.Javalin;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first seconds after a start: a fresh JVM runs the request path in its interpreter, many
 * times slower than once compiled, and the first visitors (a restart during office hours) wait for
 * that. So the moment the port opens, a background thread asks for the public pages and downloads
 * through the server's own handler chain in memory (Jetty's {@link LocalConnector}: no socket, and
 * {@link RequestObserver} leaves these out of the access log and metrics): first each
 * representation once, so the first visitor finds it rendered (or joins its render), then a few
 * thousand requests in the forms browsers and scripts send (gzip and not, conditional, HEAD), so
 * the compiler has seen the hot paths before the traffic does. Bounded in requests and in time.
 */
public final class Warmup {
    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

    /** The representations visitors and scripts ask for most. */
    static final List<String> PATHS = List.of(
            "/", "/?lang=en", "/figures", "/figures?lang=en", "/figures/ai-training-attendance",
            "/figures/ai-training-attendance?lang=en", "/figures.csv", "/api/figures", "/events.csv", "/api/events",
            "/charts/ai-learning", "/changes", "/healthz");
    /**
     * Off by default: measured on two cores with wrk starting the moment /healthz answers, the
     * warm-up's renders and requests compete with the first visitors for the CPU and the compiler
     * (first 10 s: 5.7-6.3k req/s with 4,000, 9.9k without; first `/` 2.5-2.8 s after start against
     * 2.4-2.5 s). Kept as an option for operators to measure on their own machines.
     */
    public static final int DEFAULT_REQUESTS = 0;
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(8);

    private Warmup() {}

    /**
     * Starts warming up a started server in the background; {@code host} is the Host header to send
     * (the one local clients use, so the renders are the ones they get). Returns the thread, or null
     * when {@code requests} is 0.
     */
    public static Thread start(Javalin app, String host, int requests) {
        if (requests <= 0) return null;
        Server server = app.jettyServer().server();
        LocalConnector local = new LocalConnector(server);
        server.addConnector(local);
        try {
            if (!local.isStarted()) local.start();
        } catch (Exception e) {
            server.removeConnector(local);
            LOG.debug("warm-up not started: {}", e.toString());
            return null;
        }
        Thread thread = new Thread(() -> run(server, local, host, requests), "warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void run(Server server, LocalConnector local, String host, int requests) {
        long started = System.nanoTime();
        int sent = 0;
        try {
            String etag = null;
            for (String path : PATHS) {
                String answer = local.getResponse(request("GET", path, host, "gzip", null));
                sent++;
                if (etag == null && path.equals("/")) etag = header(answer, "ETag");
            }
            LOG.debug("warm-up: {} representations rendered in {} ms", sent, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            long repeating = System.nanoTime();
            for (int i = 0; i < requests && System.nanoTime() - repeating < MAX_NANOS; i++) {
                String path = PATHS.get(i % PATHS.size());
                String raw = switch (i % 4) {
                    case 0 -> request("GET", path, host, "gzip", null);
                    case 1 -> request("GET", path, host, "identity", null);
                    case 2 -> request("GET", "/", host, "gzip", etag);
                    default -> request(i % 8 == 3 ? "HEAD" : "GET", "/", host, "identity", null);
                };
                local.getResponse(raw);
                sent++;
            }
        } catch (Exception stopped) {
            // The server is stopping (or a page failed, which its visitors will see and the log will say): nothing to warm.
            LOG.debug("warm-up stopped after {} requests: {}", sent, stopped.toString());
        } finally {
            server.removeConnector(local);
            try {
                local.stop();
            } catch (Exception e) {
                LOG.debug("warm-up connector: {}", e.toString());
            }
        }
        LOG.debug("warm-up: {} requests in {} ms", sent, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private static String request(String method, String path, String host, String encoding, String ifNoneMatch) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: */*\r\nAccept-Encoding: " + encoding + "\r\n"
                + (ifNoneMatch == null ? "" : "If-None-Match: " + ifNoneMatch + "\r\n")
                + "Connection: close\r\n\r\n";
    }

    /** A header's value in a raw response, or null. */
    static String header(String response, String name) {
        if (response == null) return null;
        String lower = response.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        if (at < 0) return null;
        int start = at + name.length() + 3;
        int end = response.indexOf("\r\n", start);
        return end < 0 ? null : response.substring(start, end).trim();
    }
}
