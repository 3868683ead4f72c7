package cn.jinjiang.aitraining.db;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** A counter bumped by every change to the data; pages derive their ETag from it. */
public final class DataVersion {
    private final Jdbi jdbi;

    public DataVersion(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long current() {
        return jdbi.withHandle(h -> h.createQuery("SELECT version FROM data_version WHERE id = 1").mapTo(Long.class).one());
    }

    /** Call inside the transaction that changes data, so the new version commits with it. */
    public static void bump(Handle handle) {
        handle.createUpdate("UPDATE data_version SET version = version + 1 WHERE id = 1").execute();
    }
}
