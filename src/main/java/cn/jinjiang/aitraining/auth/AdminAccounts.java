package cn.jinjiang.aitraining.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;

/** Creating accounts, resetting and checking passwords. */
public final class AdminAccounts {
    public static final String INITIAL_USERNAME = "admin";
    // No 0/O/1/l/I, so a password copied by hand from a log is not mistyped.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final AdminUserDao dao;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AdminAccounts(AdminUserDao dao, PasswordHasher hasher, Clock clock) {
        this.dao = dao;
        this.hasher = hasher;
        this.clock = clock;
    }

    public enum Outcome { CREATED, RESET }

    /** Creates the account (an admin) or resets its password, keeping its role. */
    public Outcome createOrReset(String username, String password) {
        return createOrReset(username, password, null);
    }

    /**
     * Creates the account with {@code role} (admin when null), or resets its password (and sets its
     * role when one is given). A reset ends the account's sessions.
     */
    public Outcome createOrReset(String username, String password, Role role) {
        if (!PasswordPolicy.validUsername(username)) throw new IllegalArgumentException("username.invalid");
        PasswordPolicy.checkPassword(password).ifPresent(key -> { throw new IllegalArgumentException(key); });
        boolean created = dao.upsert(username, hasher.hash(password), false, role, clock.instant());
        return created ? Outcome.CREATED : Outcome.RESET;
    }

    /** The account, without its password hash; empty when there is none. */
    public Optional<AdminUser> find(String username) {
        return dao.find(username);
    }

    /** A random password for a new or reset account, to be shown once and changed at the first sign-in. */
    public String newOneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return password.toString();
    }

    /** The stored form of a password; may throw {@link PasswordHasher.Busy}. */
    public String hash(String password) {
        return hasher.hash(password);
    }

    /** The account when the password is right; the same empty answer for unknown user and wrong password. */
    public Optional<AdminUser> verify(String username, String password) {
        if (username == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH * 2) {
            hasher.matches("x", null);
            return Optional.empty();
        }
        Optional<AdminUser> user = dao.find(username);
        boolean ok = hasher.matches(password, user.map(AdminUser::passwordHash).orElse(null));
        // A disabled account is refused like a wrong password: the form does not tell which.
        return ok && !user.get().disabled() ? user : Optional.empty();
    }

    /**
     * On a fresh database, creates {@code admin} with a random password and returns it so the caller
     * can print it once; only its hash is stored. Empty when an admin already exists.
     */
    public Optional<String> ensureInitialAdmin() {
        if (dao.count() > 0) return Optional.empty();
        String password = newOneTimePassword();
        dao.upsert(INITIAL_USERNAME, hasher.hash(password), true, clock.instant());
        return Optional.of(password);
    }
}
