package cn.jinjiang.aitraining.web;

import java.io.Serial;

/** The database does not answer and nothing kept can stand in: the request gets a 503. */
public final class DatabaseUnavailable extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public DatabaseUnavailable() {
        super("the database does not answer", null, false, false);
    }

    /**
     * Whether a failure is the database not answering: the pool gave up waiting for a connection, or
     * a connection broke (any database; SQLState class 08 is "connection exception").
     */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailable || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.jdbi.v3.core.ConnectionException) return true;
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Whether a failure came from the database at all (a JDBC or Jdbi exception in its causes). */
    public static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException || t instanceof org.jdbi.v3.core.JdbiException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}
