package cn.jinjiang.aitraining.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The app's own static files (from {@code static/}) and the Chart.js webjar, held in memory and
 * served at content-hashed URLs ({@code /assets/<hash>/<name>}) that may be cached for a year.
 * Nothing is loaded from another host.
 */
public final class Assets {
    public static final String CHART_JS = "vendor/chart.umd.min.js";
    private static final String CHART_JS_RESOURCE = "META-INF/resources/webjars/chart.js/" + chartJsVersion() + "/dist/chart.umd.min.js";
    private static final Map<String, String> OWN = Map.of(
            "css/app.css", "text/css; charset=utf-8",
            "js/charts.js", "text/javascript; charset=utf-8",
            "js/admin.js", "text/javascript; charset=utf-8",
            "img/favicon.svg", "image/svg+xml");

    private final Map<String, Asset> byName = new LinkedHashMap<>();

    public Assets() {
        OWN.forEach((name, type) -> load(name, "static/" + name, type));
        load(CHART_JS, CHART_JS_RESOURCE, "text/javascript; charset=utf-8");
    }

    private void load(String name, String resource, String contentType) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return; // an optional file that this build does not ship
            byte[] bytes = in.readAllBytes();
            byName.put(name, new Asset(name, contentType, bytes, hash(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset " + resource, e);
        }
    }

    /** The versioned URL of an asset, for templates: {@code ${assets.url('css/app.css')}}. */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) throw new IllegalArgumentException("unknown asset " + name);
        return "/assets/" + asset.hash() + "/" + name;
    }

    /** GET /assets/{hash}/{name...}: immutable when the hash matches, revalidated otherwise. */
    public void serve(Context ctx) {
        String rest = ctx.path().substring("/assets/".length());
        int slash = rest.indexOf('/');
        Asset asset = slash < 0 ? null : byName.get(rest.substring(slash + 1));
        if (asset == null) {
            throw new io.javalin.http.NotFoundResponse();
        }
        boolean current = rest.substring(0, slash).equals(asset.hash());
        ctx.header("Cache-Control", current ? "public, max-age=31536000, immutable" : "no-cache");
        ctx.header("ETag", "\"" + asset.hash() + "\"");
        if (("\"" + asset.hash() + "\"").equals(ctx.header("If-None-Match"))) {
            HttpCache.notModified(ctx);
            return;
        }
        ctx.contentType(asset.contentType());
        ctx.result(asset.bytes());
    }

    /**
     * A name for this version of the content, 12 hex digits: its CRC-32C and the low bits of its
     * length. Only the same file's versions
     * must differ, so a cryptographic hash is not needed; this one is computed by a CPU instruction
     * even before the JIT has compiled anything (a SHA-256 of Chart.js cost start-up tens of ms).
     */
    private static String hash(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return String.format(java.util.Locale.ROOT, "%08x%04x", crc.getValue(), bytes.length & 0xffff);
    }

    private static String chartJsVersion() {
        try (InputStream in = Assets.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/chart.js/pom.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "4.5.1");
        } catch (IOException e) {
            return "4.5.1";
        }
    }

    private record Asset(String name, String contentType, byte[] bytes, String hash) {}
}
