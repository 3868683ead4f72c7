package cn.jinjiang.aitraining.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.DelegatingTransactionHandler;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * On PostgreSQL, every transaction first takes one transaction-level advisory lock, so transactions
 * run one after another as on SQLite with IMMEDIATE transactions, across every server process on
 * the database. The code relies on that: the login throttle counts and then records an attempt,
 * an edit reads a version and then writes, and neither may interleave with another. Single
 * statements outside a transaction (every read) do not take it. Transactions are short (no
 * password hashing or network inside), so the wait is milliseconds.
 */
final class SerializedTransactions extends DelegatingTransactionHandler {
    /** The advisory lock's key: any constant the database's other users don't take ("dashboard"). */
    static final long LOCK_KEY = 0x64617368626F6172L;

    SerializedTransactions(TransactionHandler delegate) {
        super(delegate);
    }

    /** Each handle gets the delegate's own handler for it (Jdbi keeps per-handle state there), wrapped. */
    @Override
    public TransactionHandler specialize(Handle handle) throws java.sql.SQLException {
        return new SerializedTransactions(getDelegate().specialize(handle));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return getDelegate().inTransaction(handle, h -> {
            lock(h);
            return callback.withHandle(h);
        });
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return getDelegate().inTransaction(handle, level, h -> {
            lock(h);
            return callback.withHandle(h);
        });
    }

    /** Held until the transaction ends; taking it again in a nested call is harmless. */
    private static void lock(Handle h) {
        h.createQuery("SELECT pg_advisory_xact_lock(:key)").bind("key", LOCK_KEY).mapToMap().one();
    }
}
