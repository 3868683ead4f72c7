package cn.jinjiang.aitraining.db;

/** The database cannot be opened or used; its message is meant for the operator. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
