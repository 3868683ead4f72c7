package cn.jinjiang.aitraining.db;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;

/**
 * Random keys made once per database and shared by every server process on it (e.g. the key that
 * signs the login form's cookie). A key never changes once written, so each process may keep the
 * copy it read.
 */
public final class AppSecrets {
    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> known = new ConcurrentHashMap<>();

    public AppSecrets(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The 256-bit key of this name, made on first use; the first process to write it wins. */
    public byte[] key(String name) {
        return known.computeIfAbsent(name, this::readOrCreate).clone();
    }

    private byte[] readOrCreate(String name) {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        String stored = jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO app_secret (name, secret, created_ms) VALUES (:name, :secret, :now)
                            ON CONFLICT (name) DO NOTHING""")
                    .bind("name", name)
                    .bind("secret", Base64.getEncoder().encodeToString(fresh))
                    .bind("now", clock.millis())
                    .execute();
            return h.createQuery("SELECT secret FROM app_secret WHERE name = :name")
                    .bind("name", name).mapTo(String.class).one();
        });
        return Base64.getDecoder().decode(stored);
    }
}
