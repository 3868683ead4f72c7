package cn.jinjiang.aitraining.db;

/**
 * "Contains" for SQL that runs on SQLite and PostgreSQL alike: {@code lower(column) LIKE :p ESCAPE '!'}
 * with {@code p = Like.contains(text)} ({@code instr} is SQLite's, {@code strpos} PostgreSQL's). Both
 * sides are lower-cased, so neither database's own idea of case-insensitive LIKE matters.
 */
public final class Like {
    /** Append to {@code ... LIKE :param}; '!' rather than a backslash, which Jdbi's parser reads as an escape inside quotes. */
    public static final String ESCAPE = " ESCAPE '!'";

    private Like() {}

    /** The pattern matching any text that contains {@code text} literally (%, _ and ! escaped with !). */
    public static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
