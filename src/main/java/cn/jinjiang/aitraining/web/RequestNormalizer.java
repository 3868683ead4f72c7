package cn.jinjiang.aitraining.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * Runs before the app sees a request:
 * <ul>
 *   <li>HEAD is handled as GET, so it gets exactly GET's status and headers on every route
 *       (Javalin routes HEAD to nothing by default); Jetty itself leaves out the body of a HEAD
 *       answer.</li>
 *   <li>{@code Accept-Encoding} is reduced to what it means: {@code gzip} when gzip is acceptable
 *       (a q-value above 0, directly or through {@code *}), else {@code identity}. Both the
 *       server's compression and the cache's pre-gzipped bodies then honour {@code gzip;q=0}.</li>
 * </ul>
 */
public final class RequestNormalizer implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(new Normalized((HttpServletRequest) request), response);
    }

    /** Whether an Accept-Encoding header allows gzip (RFC 9110, section 12.5.3). */
    static boolean acceptsGzip(String header) {
        if (header == null) return false;
        Double gzip = null;
        Double any = null;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim().toLowerCase(Locale.ROOT);
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) gzip = q;
            else if (coding.equals("*")) any = q;
        }
        if (gzip != null) return gzip > 0;
        return any != null && any > 0;
    }

    private static final class Normalized extends HttpServletRequestWrapper {
        private final boolean head;
        private final String acceptEncoding;

        Normalized(HttpServletRequest request) {
            super(request);
            this.head = "HEAD".equals(request.getMethod());
            this.acceptEncoding = acceptsGzip(request.getHeader("Accept-Encoding")) ? "gzip" : "identity";
        }

        @Override
        public String getMethod() {
            return head ? "GET" : super.getMethod();
        }

        @Override
        public String getHeader(String name) {
            return isAcceptEncoding(name) ? acceptEncoding : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isAcceptEncoding(name) ? Collections.enumeration(java.util.List.of(acceptEncoding)) : super.getHeaders(name);
        }

        private static boolean isAcceptEncoding(String name) {
            return "Accept-Encoding".equalsIgnoreCase(name);
        }
    }
}
