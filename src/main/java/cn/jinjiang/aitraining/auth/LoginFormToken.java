package cn.jinjiang.aitraining.auth;

import cn.jinjiang.aitraining.db.AppSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF token of the login form, kept by the browser and not by the server: a random nonce and
 * an expiry, signed with HMAC-SHA256 under a key stored in the database (so every server process
 * accepts every other's tokens). The same value goes into a cookie and into the form; a post must
 * carry both, equal, unexpired and correctly signed. Anyone may ask for the form as often as they
 * like without leaving anything behind on the server.
 */
public final class LoginFormToken {
    public static final String COOKIE = "admin_login";
    /** Long enough to type a password after a coffee; short enough to be worthless later. */
    public static final Duration LIFETIME = Duration.ofHours(2);
    private static final String KEY_NAME = "login-form-hmac";

    private final AppSecrets secrets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LoginFormToken(AppSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** A new token: {@code expiry.nonce.signature}, URL-safe. */
    public String issue() {
        byte[] nonce = new byte[18];
        random.nextBytes(nonce);
        String payload = (clock.instant().plus(LIFETIME).getEpochSecond()) + "." + base64(nonce);
        return payload + "." + sign(payload);
    }

    /** Whether the token is one this database signed and it has not expired. */
    public boolean isValid(String token) {
        if (token == null || token.length() > 200) return false;
        int last = token.lastIndexOf('.');
        int first = token.indexOf('.');
        if (first <= 0 || last <= first) return false;
        String payload = token.substring(0, last);
        byte[] expected = sign(payload).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) return false;
        try {
            return Long.parseLong(token.substring(0, first)) > clock.instant().getEpochSecond();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256"));
            return base64(mac.doFinal(("login-form|" + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
