package cn.jinjiang.aitraining.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Wraps every request the app handles: gives it a request id (the {@code X-Request-Id} response
 * header; taken from a trusted proxy's header with {@code --behind-proxy}, else made here), and once
 * the response is complete tells the listeners (access log, metrics) what happened. A servlet filter
 * rather than a Javalin handler because only after Javalin has closed the response are its bytes,
 * gzipped or not, all counted.
 */
public final class RequestObserver implements Filter {
    public static final String HEADER = "X-Request-Id";
    /** The matched route pattern ({@code /figures/{key}}), set by the app once the request is handled. */
    public static final String ROUTE_ATTRIBUTE = "dashboard.route";
    public static final String ID_ATTRIBUTE = "dashboard.requestId";
    /** The route of a request no route matched (404s, refused before routing): one label, not every path. */
    public static final String UNMATCHED = "unmatched";

    /** What one request did. {@code nanos}: from entering the app to the response's end. */
    public record Outcome(String method, String route, int status, long bytes, long nanos, String requestId) {}

    /** Proxies write ids like nginx's $request_id (32 hex) or a UUID; anything else is replaced. */
    private static final Pattern FORWARDED_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final ProxyTrust proxy;
    private final List<Consumer<Outcome>> listeners;

    public RequestObserver(ProxyTrust proxy, List<Consumer<Outcome>> listeners) {
        this.proxy = proxy;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        long started = System.nanoTime();
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse answer = (HttpServletResponse) response;
        String id = requestId(http);
        http.setAttribute(ID_ATTRIBUTE, id);
        answer.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (!listeners.isEmpty() && !fromWarmup(http)) {
                Object route = http.getAttribute(ROUTE_ATTRIBUTE);
                Outcome outcome = new Outcome(http.getMethod(), route == null ? UNMATCHED : route.toString(),
                        answer.getStatus(), bytesWritten(http), System.nanoTime() - started, id);
                for (Consumer<Outcome> listener : listeners) listener.accept(outcome);
            }
        }
    }

    /** The proxy's id when the proxy is trusted and the id looks like one; otherwise a new one. */
    String requestId(HttpServletRequest request) {
        if (proxy.fromTrustedProxy(request)) {
            String forwarded = request.getHeader(HEADER);
            if (forwarded != null && FORWARDED_ID.matcher(forwarded).matches()) return forwarded;
        }
        return newId();
    }

    /** 16 hex digits: unique enough to find one request's lines in a day of logs. */
    static String newId() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The server's own warm-up ({@link Warmup}) is not a client: no access-log line, no metrics. */
    private static boolean fromWarmup(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return jetty != null && jetty.getConnectionMetaData().getConnector() instanceof org.eclipse.jetty.server.LocalConnector;
    }

    /** Body bytes sent, after compression; 0 when the response never reached the servlet layer. */
    private static long bytesWritten(HttpServletRequest request) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        return jetty == null ? 0 : jetty.getServletContextResponse().getHttpOutput().getWritten();
    }
}
