package cn.jinjiang.aitraining.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.support.ServerProcess;
import cn.jinjiang.aitraining.support.TestDatabase;
import cn.jinjiang.aitraining.support.TestAdmin;
import cn.jinjiang.aitraining.support.WebClient;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability as a user sees it: eight admins save figures through the real forms of a real server
 * process (on SQLite, or with -Dtest.db=postgresql on PostgreSQL); the process is killed with SIGKILL mid-way; after a restart the database is intact and
 * every edit that had received its success response is there, with its audit entry. Three rounds.
 */
class CrashSafetyTest {
    /** One account per client, as eight people in one office would sign in (the throttle counts per name and address). */
    static TestAdmin admin(int client) { return new TestAdmin("crash-tester-" + client, "a long enough password"); }
    static final List<String> KEYS = List.of("ai-learning-activities", "ai-training-attendance", "ai-lectures",
            "ai-online-study-hours", "ai-scenario-projects", "special-courses-since-2022",
            "cadre-school-sessions-since-2023", "cadres-seconded-shanghai-shenzhen");

    @TempDir
    Path folder;

    record Ack(String key, long value, String reason) {}

    @Test
    @Timeout(300)
    void everyAcknowledgedEditSurvivesSigkill() throws Exception {
        DatabaseLocation db = TestDatabase.chosen().fresh(folder, "crash.db");
        try (Database database = Database.open(db, Database.DEFAULT_CONNECT_WAIT)) {
            for (int client = 0; client < KEYS.size(); client++) admin(client).createIn(database);
        }
        List<Ack> acknowledged = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            ServerProcess server = ServerProcess.start(db, folder);
            try (server) {
                acknowledged.addAll(editUntilKilled(server, round));
            }
            assertTrue(acknowledged.size() > 8 * (round + 1), "edits were acknowledged before the kill: " + acknowledged.size());

            // The killed server's database opens again (SQLite recovers its log) and the server starts on it.
            try (ServerProcess restarted = server.startAgain()) {
                verify(db, acknowledged);
                assertEquals(200, restarted.cookielessClient().get("/healthz").statusCode(), "the restarted server still answers");
            }
        }
    }

    /** Eight clients edit concurrently; the server is SIGKILLed while they are at it. */
    private List<Ack> editUntilKilled(ServerProcess server, int round) throws Exception {
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < KEYS.size(); t++) {
            int client = t;
            Thread thread = new Thread(() -> editLoop(server.baseUrl(), round, client, acks, stop));
            thread.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            thread.start();
            clients.add(thread);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acks.size() < 24 && System.nanoTime() < deadline) Thread.sleep(10);
        server.kill(); // SIGKILL: no shutdown hook, no checkpoint, requests in flight
        stop.set(true);
        for (Thread thread : clients) {
            thread.join(20_000);
            assertTrue(!thread.isAlive(), "a client still running 20 s after the kill");
        }
        assertEquals(List.of(), List.copyOf(failures), "clients failed other than by losing the server");
        return List.copyOf(acks);
    }

    /** One admin's browser: signs in, then saves reports of its figure through the form until told to stop. */
    private static void editLoop(String baseUrl, int round, int client, ConcurrentLinkedQueue<Ack> acks, AtomicBoolean stop) {
        WebClient browser = new WebClient(baseUrl);
        String key = KEYS.get(client);
        try {
            HttpResponse<String> login = browser.signIn(admin(client));
            // 503: eight sign-ins at once wait for the two password-hash slots, and on a busy machine
            // some wait past the limit and are told to come back; a person would try again.
            for (int retry = 0; login.statusCode() == 503 && retry < 10 && !stop.get(); retry++) {
                Thread.sleep(1_000);
                login = browser.signIn(admin(client));
            }
            if (login.statusCode() != 303) throw new AssertionError("login failed: " + login.statusCode());
            for (int i = 0; !stop.get(); i++) {
                Map<String, String> form = browser.form("/admin/figures/" + key, "figure-form");
                long value = 1_000_000L * (round + 1) + 10_000L * client + i;
                String reason = "crash round " + round + " client " + client + " edit " + i;
                form.put("mode", "report");
                form.put("value", Long.toString(value));
                form.put("reason", reason);
                form.put("confirm_unusual", "yes"); // millions over a small figure: confirmed, this test is about durability
                HttpResponse<String> saved = browser.post("/admin/figures/" + key, form);
                if (saved.statusCode() == 303) acks.add(new Ack(key, value, reason));
            }
        } catch (UncheckedIOException killed) {
            // the server died under us: whatever was not acknowledged may be lost
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void verify(DatabaseLocation db, List<Ack> acknowledged) throws Exception {
        try (Connection c = TestDatabase.connect(db)) {
            if (db.isSqlite()) {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    assertEquals("ok", rs.getString(1));
                }
            }
            try (PreparedStatement observation = c.prepareStatement("""
                         SELECT COUNT(*) FROM observation o JOIN figure f ON f.id = o.figure_id
                          WHERE f.figure_key = ? AND o.value = ?""");
                 PreparedStatement audit = c.prepareStatement(
                         "SELECT COUNT(*) FROM audit_entry WHERE reason = ?")) {
                for (Ack ack : acknowledged) {
                    observation.setString(1, ack.key());
                    observation.setLong(2, ack.value());
                    try (ResultSet rs = observation.executeQuery()) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "acknowledged edit lost: " + ack);
                    }
                    audit.setString(1, ack.reason());
                    try (ResultSet rs = audit.executeQuery()) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "audit entry lost: " + ack);
                    }
                }
            }
        }
    }
}
