package cn.jinjiang.aitraining.admin.extract;

/** A review form sent again after it was saved (its one-time token is taken): nothing was written this time. */
public final class AlreadySaved extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String token;

    AlreadySaved(String token) {
        super("review " + token + " was already saved", null, false, false);
        this.token = token;
    }

    public String token() { return token; }
}
