package cn.jinjiang.aitraining.auth;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id through Spring Security's encoder (Bouncy Castle underneath): 19 MiB of memory and two
 * iterations, the OWASP minimum, so a stolen database is slow to attack but a login stays quick.
 */
public final class PasswordHasher {
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
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? dummyHash() : hash);
    }
}
