package cn.jinjiang.aitraining.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which forwarding headers to believe. Without {@code --behind-proxy} none; with it, only from the
 * proxies named by {@code --trusted-proxy} (by default the loopback addresses, where a reverse
 * proxy on the same machine connects from). Anyone else could write any address into
 * X-Forwarded-For, so from them it is ignored.
 */
public final class ProxyTrust {
    public static final List<String> LOOPBACK = List.of("127.0.0.1", "::1", "0:0:0:0:0:0:0:1");

    private final boolean behindProxy;
    private final Set<String> trusted;
    /**
     * The last Host header that passed the check: nearly every request names the same host, and
     * matching the pattern each time cost a visible share of serving a cached page. Only a speed-up
     * (a racy overwrite just means one more match).
     */
    private volatile String lastGoodHost;

    public ProxyTrust(boolean behindProxy, List<String> trustedProxies) {
        this.behindProxy = behindProxy;
        List<String> named = trustedProxies == null || trustedProxies.isEmpty() ? LOOPBACK : trustedProxies;
        this.trusted = named.stream().map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether this request came through a proxy whose headers we believe. */
    public boolean fromTrustedProxy(Context ctx) {
        return fromTrustedProxy(ctx.req());
    }

    /**
     * The same for a servlet request. Without --behind-proxy the peer's address is not looked at:
     * Jetty formats it into a new string on each call, a visible share of answering a 304.
     */
    public boolean fromTrustedProxy(jakarta.servlet.ServletRequest request) {
        return behindProxy && trusted.contains(request.getRemoteAddr());
    }

    /** HTTPS as the browser sees it: the proxy's word only when it is a trusted proxy. */
    public boolean isHttps(Context ctx) {
        if (fromTrustedProxy(ctx)) {
            String proto = ctx.header("X-Forwarded-Proto");
            if (proto != null && !proto.isBlank()) return proto.split(",")[0].trim().equalsIgnoreCase("https");
        }
        return "https".equalsIgnoreCase(ctx.scheme());
    }

    /** The request attribute holding {@link #origin}'s answer, set once per request. */
    public static final String ORIGIN_ATTRIBUTE = "dashboard.origin";

    private static final java.util.regex.Pattern HOST =
            java.util.regex.Pattern.compile("([A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");

    /**
     * The site's address as the browser sees it, for absolute links in link previews (og:url,
     * og:image): the scheme by {@link #isHttps}, the request's Host header when it is a plain host
     * name or address, else the address the server was reached at.
     */
    public String origin(Context ctx) {
        String scheme = isHttps(ctx) ? "https" : "http";
        String host = ctx.header("Host");
        if (host == null || !host.equals(lastGoodHost)) {
            if (host == null || host.length() > 255 || !HOST.matcher(host).matches()) {
                String local = ctx.req().getLocalAddr();
                host = (local.contains(":") ? "[" + local + "]" : local) + ":" + ctx.req().getLocalPort();
            } else {
                lastGoodHost = host;
            }
        }
        return scheme + "://" + host.toLowerCase(java.util.Locale.ROOT);
    }

    /** The origin {@link #origin} found for this request (set by the route table's before-filter). */
    public static String originOf(Context ctx) {
        Object origin = ctx.attribute(ORIGIN_ATTRIBUTE);
        return origin == null ? "" : origin.toString();
    }

    /**
     * The client's address. Through trusted proxies: the right-most X-Forwarded-For entry that is not
     * itself a trusted proxy (entries further left were written by the client and may be forged).
     */
    public String clientAddress(Context ctx) {
        String direct = ctx.req().getRemoteAddr();
        if (!fromTrustedProxy(ctx)) return direct;
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) return direct;
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) return hop;
        }
        return hops[0].trim().isEmpty() ? direct : hops[0].trim();
    }
}
