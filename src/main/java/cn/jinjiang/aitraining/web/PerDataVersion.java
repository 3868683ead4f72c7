package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.db.DataVersion;
import java.util.function.Supplier;

/**
 * A value read from the database once per data version (e.g. the site's texts that the layout
 * shows on every page), so pages that are not cached do not read it again each time, and pages
 * rendered while the database is away (error pages, stale-if-error) get the last good value
 * instead of waiting for a connection.
 */
public final class PerDataVersion<T> implements Supplier<T> {
    private record Known<T>(long version, T value) {}

    private final DataVersion dataVersion;
    private final Supplier<T> read;
    private volatile Known<T> known = new Known<>(Long.MIN_VALUE, null);

    public PerDataVersion(DataVersion dataVersion, Supplier<T> read) {
        this.dataVersion = dataVersion;
        this.read = read;
    }

    /** The value for the current data version; the last one read (null before any) while the database does not answer. */
    @Override
    public T get() {
        Known<T> k = known;
        if (!dataVersion.reachable()) return k.value();
        try {
            long version = dataVersion.current();
            if (version == k.version()) return k.value();
            T value = read.get();
            known = new Known<>(version, value);
            return value;
        } catch (RuntimeException unavailable) {
            return k.value();
        }
    }
}
