package cn.jinjiang.aitraining.auth;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id through Spring Security's encoder (Bouncy Castle underneath): 19 MiB of memory and two
 * iterations, the OWASP minimum, so a stolen database is slow to attack but a login stays quick.
 */
public final class PasswordHasher {
    /**
     * Hashes computed at once. Each takes about 19 MiB and a core for tens of milliseconds; more at
     * once would only starve the pages (60 simultaneous sign-ins once pushed /healthz to 7 s).
     */
    static final int CONCURRENT_HASHES = 2;
    /** A sign-in waits this long for a free slot, then is told the server is busy. */
    static final long WAIT_SECONDS = 10;
    private final Semaphore slots;
    private final long waitMillis;

    public PasswordHasher() {
        this(CONCURRENT_HASHES, TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    PasswordHasher(int concurrentHashes, long waitMillis) {
        this.slots = new Semaphore(concurrentHashes, true);
        this.waitMillis = waitMillis;
    }

    /** No hashing slot came free in time: the server is busy with other sign-ins. */
    public static final class Busy extends RuntimeException {
        private static final long serialVersionUID = 1L;
        Busy() {
            super("password hashing is busy", null, false, false);
        }
    }
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
    /**
     * Compared against for unknown users, so a missing account takes as long as a wrong password.
     * Made on first use: an Argon2 hash on a cold JVM would hold up the server's start.
     */
    private volatile String dummyHash;

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                if (dummyHash == null) dummyHash = encoder.encode("dummy-password-for-timing");
                hash = dummyHash;
            }
        }
        return hash;
    }

    public String hash(String password) {
        acquire();
        try {
            return encoder.encode(password);
        } finally {
            slots.release();
        }
    }

    public boolean matches(String password, String hash) {
        String against = hash == null ? dummyHash() : hash;
        acquire();
        try {
            return encoder.matches(password, against);
        } finally {
            slots.release();
        }
    }

    private void acquire() {
        try {
            if (!slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) throw new Busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
    }
}
