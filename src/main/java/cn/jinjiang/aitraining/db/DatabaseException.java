package cn.jinjiang.aitraining.db;

import java.io.Serial;

/** The database cannot be opened or used; its message is meant for the operator. */
public class DatabaseException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
