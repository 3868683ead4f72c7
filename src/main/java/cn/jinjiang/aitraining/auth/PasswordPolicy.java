package cn.jinjiang.aitraining.auth;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a username and a password must be. Returns a message key when they are not. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    /** Argon2 has no length limit of its own; this only stops absurd inputs from costing memory. */
    public static final int MAX_LENGTH = 256;
    private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,60}");

    private PasswordPolicy() {}

    public static Optional<String> checkPassword(String password) {
        if (password == null) return Optional.of("password.too_short");
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) return Optional.of("password.too_short");
        if (length > MAX_LENGTH) return Optional.of("password.too_long");
        return Optional.empty();
    }

    public static boolean validUsername(String username) {
        return username != null && USERNAME.matcher(username).matches();
    }
}
