package cn.jinjiang.aitraining;

import cn.jinjiang.aitraining.db.Database;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Starts the real server on a fresh SQLite file with an admin account, and talks to it like a
 * browser: a cookie jar, no automatic redirects (tests look at each status), CSRF tokens read
 * from the HTML. The clock can be moved forward to test time limits.
 */
public final class AdminTestClient implements AutoCloseable {
    public static final String USER = "editor";
    public static final String PASSWORD = "correct horse battery staple";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public final MutableClock clock;
    public final AppServices services;
    public final Javalin app;
    public final String base;
    public final HttpClient http;
    public final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Database database;

    private AdminTestClient(Path dir, boolean behindProxy) {
        this(dir, behindProxy, java.util.List.of());
    }

    private AdminTestClient(Path dir, boolean behindProxy, java.util.List<String> trustedProxies) {
        clock = new MutableClock(Instant.parse("2025-06-01T02:00:00Z"));
        database = Database.open(dir.resolve("test.db"));
        services = AppServices.create(new AppConfig("127.0.0.1", 0, dir.resolve("test.db"), behindProxy, trustedProxies), database, clock);
        services.accounts().createOrReset(USER, PASSWORD);
        app = WebApp.create(services).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        http = newClient(cookies);
    }

    public static AdminTestClient start(Path dir) {
        return new AdminTestClient(dir, false);
    }

    public static AdminTestClient startBehindProxy(Path dir) {
        return new AdminTestClient(dir, true);
    }

    /** Behind a proxy whose forwarded headers are believed only from these addresses. */
    public static AdminTestClient startBehindProxy(Path dir, java.util.List<String> trustedProxies) {
        return new AdminTestClient(dir, true, trustedProxies);
    }

    /** Another browser on the same server: its own cookie jar. */
    public HttpClient otherBrowser(CookieManager jar) {
        return newClient(jar);
    }

    private static HttpClient newClient(CookieManager jar) {
        return HttpClient.newBuilder().cookieHandler(jar).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(http, request(path, headers).GET().build());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        return send(http, request(path, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build());
    }

    /** Posts with the CSRF token of the given page added to the form. */
    public HttpResponse<String> postWithToken(String pagePath, String path, Map<String, String> form, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.put("_csrf", csrf(get(pagePath).body()));
        return post(path, all, headers);
    }

    public HttpResponse<String> multipart(String path, String csrf, String fileName, byte[] content) {
        String boundary = "----boundary" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        try {
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(http, request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) b.headers(headers);
        return b;
    }

    public HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in as the test admin; returns the response to the login POST. */
    public HttpResponse<String> login() {
        return login(USER, PASSWORD);
    }

    public HttpResponse<String> login(String user, String password) {
        String token = csrf(get("/admin/login").body());
        return post("/admin/login", Map.of("username", user, "password", password, "_csrf", token));
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new AssertionError("no CSRF token in page:\n" + html);
        return m.group(1);
    }

    /** The value of a named input in a page's HTML. */
    public static String inputValue(String html, String name) {
        Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]*)\"[^>]*name=\"" + Pattern.quote(name) + "\"").matcher(html);
            if (!m.find()) throw new AssertionError("no input " + name);
        }
        return m.group(1);
    }

    /**
     * The fields of the first form in the page after {@code formMarker} (e.g. {@code id="figure-form"}),
     * as a browser would submit them unchanged: inputs, textareas and selected options.
     */
    public static Map<String, String> formFields(String html, String formMarker) {
        int start = html.indexOf(formMarker);
        if (start < 0) throw new AssertionError("no form " + formMarker + " in:\n" + html);
        String form = html.substring(start, html.indexOf("</form>", start));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher inputs = Pattern.compile("<input([^>]*)>").matcher(form);
        while (inputs.find()) {
            String attrs = inputs.group(1);
            String name = attr(attrs, "name");
            if (name == null) continue;
            String type = attr(attrs, "type");
            if (("radio".equals(type) || "checkbox".equals(type)) && !attrs.contains("checked")) continue;
            fields.put(name, unescape(attr(attrs, "value") == null ? "" : attr(attrs, "value")));
        }
        Matcher areas = Pattern.compile("<textarea([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(form);
        while (areas.find()) fields.put(attr(areas.group(1), "name"), unescape(areas.group(2)));
        Matcher selects = Pattern.compile("<select([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form);
        while (selects.find()) {
            Matcher selected = Pattern.compile("<option value=\"([^\"]*)\" selected").matcher(selects.group(2));
            fields.put(attr(selects.group(1), "name"), selected.find() ? unescape(selected.group(1)) : "");
        }
        return fields;
    }

    private static String attr(String attrs, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(attrs);
        return m.find() ? m.group(1) : null;
    }

    public static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }

    /** The edit form of a figure as currently saved, ready to change and post. */
    public Map<String, String> figureForm(String key) {
        return new LinkedHashMap<>(formFields(get("/admin/figures/" + key).body(), "id=\"figure-form\""));
    }

    public Map<String, String> eventForm(String key) {
        return new LinkedHashMap<>(formFields(get("/admin/events/" + key).body(), "id=\"event-form\""));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public Database database() { return database; }

    @Override
    public void close() {
        app.stop();
        database.close();
    }

    /** A clock the test moves by hand. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        public MutableClock(Instant start) { this.now = start; }

        public void advance(Duration d) { now = now.plus(d); }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) {
            MutableClock self = this;
            return new Clock() {
                @Override public ZoneId getZone() { return zone; }
                @Override public Clock withZone(ZoneId z) { return self.withZone(z); }
                @Override public Instant instant() { return self.instant(); }
            };
        }
        @Override public Instant instant() { return now; }
    }
}
