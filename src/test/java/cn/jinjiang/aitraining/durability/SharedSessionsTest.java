package cn.jinjiang.aitraining.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.support.Html;
import cn.jinjiang.aitraining.support.WebClient;
import cn.jinjiang.aitraining.AppConfig;
import cn.jinjiang.aitraining.AppServices;
import cn.jinjiang.aitraining.auth.AdminGuard;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions and throttle counts live in the database: two server processes on one database (a file,
 * or with -Dtest.db=postgresql one PostgreSQL database) share a sign-in and the throttle, a
 * restarted process keeps everyone signed in, the database holds only the hash of a session id,
 * and either process's account page lists and ends the sessions of both.
 */
class SharedSessionsTest {
    static final String USER = "session-tester";
    static final String PASSWORD = "a long enough password";

    @TempDir Path folder;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(300) // three server processes start; slow on a busy two-core machine
    void twoProcessesShareASignInAndItSurvivesARestart() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "shared.db");
        try (Database database = Database.open(db, Database.DEFAULT_CONNECT_WAIT)) {
            AppServices.create(new AppConfig("127.0.0.1", 0, db.file(), false), database, Clock.systemUTC())
                    .accounts().createOrReset(USER, PASSWORD);
        }
        try (ServerProcess a = ServerProcess.start(db, folder); ServerProcess b = ServerProcess.start(db, folder)) {
            int portA = a.port();
            int portB = b.port();
            String session = signIn(portA);
            assertEquals(200, admin(portA, session).statusCode(), "signed in on A");
            assertEquals(200, admin(portB, session).statusCode(), "the same sign-in works on B");

            // Only the SHA-256 of the id is stored.
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(session.getBytes()));
            List<String> stored = storedIds(db);
            assertTrue(stored.contains(hash), "the hash is stored");
            assertFalse(stored.contains(session), "the id itself is not");

            // Either process's account page lists the sessions of both, and ending one ends it everywhere.
            String second = signIn(portB);
            Document account = Html.parse(get(portA, "/admin/account", session));
            assertEquals(2, account.select("#sessions-table tr.session-row").size(), account.outerHtml());
            String ref = Html.one(account, "#sessions-table tr.session-row:not(.current-session)").attr("data-ref");
            assertEquals(303, post(portA, "/admin/account/sessions/" + ref + "/end", session, Html.csrf(account)).statusCode());
            assertEquals(303, admin(portB, second).statusCode(), "the second session ended on B too");
            assertEquals(200, admin(portB, session).statusCode());

            // Throttle counts are shared: four wrong passwords on A, one on B, then B refuses.
            for (int i = 0; i < 4; i++) assertEquals(401, login(portA, "wrong " + i).statusCode());
            assertEquals(401, login(portB, "wrong 4").statusCode());
            assertEquals(429, login(portB, PASSWORD).statusCode(), "the fifth failure, counted across processes, blocks");

            assertTrue(a.stop(), "A ends within 20 s of SIGTERM");
            try (ServerProcess restartedA = a.startAgain()) {
                assertEquals(portA, restartedA.port());
                assertEquals(200, admin(portA, session).statusCode(), "still signed in after A restarted");
                Document afterRestart = Html.parse(get(portA, "/admin/account", session));
                assertEquals(1, afterRestart.select("#sessions-table tr.current-session").size(), "the restarted A lists the session");
            }
        }
    }

    private String signIn(int port) throws Exception {
        HttpResponse<String> response = login(port, PASSWORD);
        assertEquals(303, response.statusCode(), response.body());
        return cookie(response, AdminGuard.COOKIE);
    }

    private HttpResponse<String> login(int port, String password) throws Exception {
        HttpResponse<String> form = send(HttpRequest.newBuilder(url(port, "/admin/login")).GET().build());
        String token = Html.csrf(Html.parse(form));
        String loginCookie = cookie(form, "admin_login");
        return send(HttpRequest.newBuilder(url(port, "/admin/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "admin_login=" + loginCookie)
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(
                        Map.of("username", USER, "password", password, "_csrf", token))))
                .build());
    }

    private HttpResponse<String> admin(int port, String session) throws Exception {
        return send(HttpRequest.newBuilder(url(port, "/admin")).header("Cookie", AdminGuard.COOKIE + "=" + session).GET().build());
    }

    private HttpResponse<String> get(int port, String path, String session) throws Exception {
        return send(HttpRequest.newBuilder(url(port, path)).header("Cookie", AdminGuard.COOKIE + "=" + session).GET().build());
    }

    private HttpResponse<String> post(int port, String path, String session, String csrf) throws Exception {
        return send(HttpRequest.newBuilder(url(port, path)).header("Cookie", AdminGuard.COOKIE + "=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(WebClient.encode(Map.of("_csrf", csrf)))).build());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie"));
    }

    private static List<String> storedIds(DatabaseLocation db) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = TestDatabase.connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT id_hash FROM admin_session")) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
