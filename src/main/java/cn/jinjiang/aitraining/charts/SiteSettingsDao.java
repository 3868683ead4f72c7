package cn.jinjiang.aitraining.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The site's texts in the {@code setting} table, one row per text, all rows at one version. */
public final class SiteSettingsDao {
    static final List<String> NAMES = List.of("site.title_zh", "site.title_en", "site.subtitle_zh", "site.subtitle_en",
            "site.footer_zh", "site.footer_en", "site.programme_zh", "site.programme_en");

    public Optional<SiteSettings> read(Handle h) {
        Map<String, String> values = new LinkedHashMap<>();
        int[] version = {0};
        h.createQuery("SELECT name, value, version FROM setting WHERE name IN (<names>)")
                .bindList("names", NAMES)
                .map((rs, ctx) -> {
                    version[0] = Math.max(version[0], rs.getInt("version"));
                    return Map.entry(rs.getString("name"), rs.getString("value"));
                })
                .forEach(e -> values.put(e.getKey(), e.getValue()));
        if (!values.keySet().containsAll(NAMES)) return Optional.empty();
        return Optional.of(new SiteSettings(values.get("site.title_zh"), values.get("site.title_en"),
                values.get("site.subtitle_zh"), values.get("site.subtitle_en"), values.get("site.footer_zh"),
                values.get("site.footer_en"), values.get("site.programme_zh"), values.get("site.programme_en"),
                version[0]));
    }

    /** Writes every text if all rows are still at {@code expectedVersion}; false (nothing written) otherwise. */
    public boolean write(Handle h, SiteSettings s, int expectedVersion, long nowMs) {
        List<String> values = List.of(s.titleZh(), s.titleEn(), s.subtitleZh(), s.subtitleEn(), s.footerZh(),
                s.footerEn(), s.programmeZh(), s.programmeEn());
        int changed = 0;
        for (int i = 0; i < NAMES.size(); i++) {
            changed += h.createUpdate("""
                            UPDATE setting SET value = :value, version = version + 1, updated_ms = :now
                             WHERE name = :name AND version = :expected""")
                    .bind("value", values.get(i)).bind("name", NAMES.get(i)).bind("expected", expectedVersion)
                    .bind("now", nowMs).execute();
        }
        return changed == NAMES.size();
    }
}
