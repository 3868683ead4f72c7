package cn.jinjiang.aitraining.support;

import cn.jinjiang.aitraining.auth.AdminGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;

/**
 * One browser talking to a server: its own cookie jar, no automatic redirects (tests look at each
 * status), pages read with jsoup.
 * API: {@link #get}, {@link #getBytes}, {@link #page}, {@link #form}, {@link #post} (fills in the session's
 * CSRF token), {@link #postAsIs} (sends exactly what it is given), {@link #postPairs}, {@link #upload},
 * {@link #uploadAsIs}, {@link #signIn}, {@link #csrfToken}, {@link #cookie}, {@link #request}/{@link #send}.
 * I/O failures are thrown as {@link UncheckedIOException}. One client per thread, like one browser per user.
 */
public final class WebClient {
    public static final String FORM = "application/x-www-form-urlencoded";

    private final String baseUrl;
    private final CookieManager cookies;
    private final HttpClient http;
    /** The CSRF token last read, and the session cookie it belongs to: a new session means a new token. */
    private String token;
    private String tokenSession;

    /** A browser with a cookie jar. */
    public WebClient(String baseUrl) {
        this(baseUrl, true);
    }

    /** With {@code keepCookies} false, a client like curl: every request carries only the headers it is given. */
    public WebClient(String baseUrl, boolean keepCookies) {
        this(baseUrl, keepCookies, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    private WebClient(String baseUrl, boolean keepCookies, CookieManager cookies) {
        this.baseUrl = baseUrl;
        this.cookies = cookies;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (keepCookies) builder.cookieHandler(cookies);
        this.http = builder.build();
    }

    public String baseUrl() { return baseUrl; }

    /** The same browser (the same cookies) talking to another server, e.g. the second one behind a proxy. */
    public WebClient at(String otherBaseUrl) {
        return new WebClient(otherBaseUrl, true, cookies);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(request(path, headers).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs a page and parses it. */
    public Document page(String path, String... headers) {
        return Html.parse(get(path, headers));
    }

    /** The fields of form {@code formId} on the page at {@code path}, ready to change and post. */
    public Map<String, String> form(String path, String formId) {
        return Html.fields(page(path), formId);
    }

    /** Posts the form; adds this session's CSRF token when the form carries none. */
    public HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(form);
        if (!all.containsKey(AdminGuard.CSRF_FIELD)) all.put(AdminGuard.CSRF_FIELD, csrfToken());
        return postAsIs(path, all, headers);
    }

    /** Posts exactly these fields: for tests of what happens without a (valid) token. */
    public HttpResponse<String> postAsIs(String path, Map<String, String> form, String... headers) {
        return send(request(path, headers).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))));
    }

    /** Posts name/value pairs in order, a name possibly repeated (ticked checkboxes); sent as given. */
    public HttpResponse<String> postPairs(String path, List<Map.Entry<String, String>> pairs) {
        String body = pairs.stream().map(p -> encode(Map.of(p.getKey(), p.getValue()))).collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", FORM).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads a file as the import form does, with this session's CSRF token. */
    public HttpResponse<String> upload(String path, String fileName, byte[] content) {
        return uploadAsIs(path, csrfToken(), fileName, content);
    }

    /** Uploads a file with the given token (possibly a forged one). */
    public HttpResponse<String> uploadAsIs(String path, String csrf, String fileName, byte[] content) {
        String boundary = "----boundary" + System.nanoTime();
        var out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + AdminGuard.CSRF_FIELD
                + "\"\r\n\r\n" + csrf + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
    }

    /** Signs in through the login form; returns the answer to the login POST (303 when it worked). */
    public HttpResponse<String> signIn(String username, String password) {
        remember(page("/admin/login"));
        return post("/admin/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> signIn(TestAdmin admin) {
        return signIn(admin.username(), admin.password());
    }

    /**
     * This session's CSRF token, read from a page: the admin home when signed in, else the login
     * form (which also starts a session). Remembered until the session cookie changes.
     */
    public String csrfToken() {
        String session = cookie(AdminGuard.COOKIE);
        if (token == null || session == null || !session.equals(tokenSession)) {
            HttpResponse<String> home = get("/admin");
            // A one-time password opens only the account page: read the token there.
            boolean toAccount = home.statusCode() == 303 && home.headers().firstValue("Location").orElse("").equals("/admin/account");
            remember(Html.parse(home.statusCode() == 200 ? home : get(toAccount ? "/admin/account" : "/admin/login")));
        }
        return token;
    }

    private void remember(Document page) {
        token = Html.csrf(page);
        tokenSession = cookie(AdminGuard.COOKIE);
    }

    /** The value of a cookie in this browser's jar, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) builder.headers(headers);
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + request.build().uri(), e);
        }
    }

    public static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(Objects.requireNonNull(e.getValue(), e.getKey()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
