package cn.jinjiang.aitraining.review;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code setting} table (V6): one row per site setting, with a version for the forms that edit it. */
public final class SettingDao {

    /** A setting as stored. */
    public record Setting(String name, String value, int version) {}

    public Optional<Setting> find(Handle h, String name) {
        return h.createQuery("SELECT name, value, version FROM setting WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Setting(rs.getString("name"), rs.getString("value"), rs.getInt("version")))
                .findOne();
    }

    /** Writes a new value over {@code version}; false when the row has moved on (or is missing). */
    public boolean update(Handle h, String name, String value, int version, long nowMs) {
        return h.createUpdate("""
                        UPDATE setting SET value = :value, version = version + 1, updated_ms = :now
                         WHERE name = :name AND version = :version""")
                .bind("value", value).bind("now", nowMs).bind("name", name).bind("version", version)
                .execute() == 1;
    }
}
