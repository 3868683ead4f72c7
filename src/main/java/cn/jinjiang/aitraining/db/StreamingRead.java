package cn.jinjiang.aitraining.db;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A read that streams its rows ({@code setFetchSize}) for the downloads of every figure, observation
 * or event. PostgreSQL's driver honours the fetch size only inside a transaction (a cursor); in
 * autocommit mode it reads the whole result into the heap first, which at 1,000,000 observations is
 * hundreds of megabytes. So on PostgreSQL the read runs in a transaction begun on the handle itself,
 * not through {@code inTransaction}: it only reads, takes no advisory lock (see
 * SerializedTransactions) and is rolled back. SQLite steps through the rows in any case, and a
 * transaction there would take the write lock (IMMEDIATE), so it stays in autocommit. (Called inside
 * a caller's transaction, the read is simply part of it.)
 */
public final class StreamingRead {
    private StreamingRead() {}

    public static void run(Jdbi jdbi, Consumer<Handle> read) {
        jdbi.useHandle(h -> {
            if (Dialect.of(jdbi) == Dialect.SQLITE || h.isInTransaction()) {
                read.accept(h);
                return;
            }
            h.begin();
            try {
                read.accept(h);
            } finally {
                h.rollback();
            }
        });
    }
}
