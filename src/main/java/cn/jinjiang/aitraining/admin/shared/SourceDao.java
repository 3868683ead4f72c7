package cn.jinjiang.aitraining.admin.shared;

import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code source} table as the admin edits use it. SQL only; runs on the caller's handle. */
public final class SourceDao {

    /**
     * The source a form names: the publication on that date (with that headline when one is
     * given), created when the dashboard has not cited it before.
     */
    public long findOrCreate(Handle h, String publicationZh, String publicationEn, LocalDate publishedOn, String headline) {
        Optional<Long> existing = h.createQuery("""
                        SELECT id FROM source
                         WHERE publication_zh = :pub AND published_on = :date
                           AND (:headline IS NULL OR headline_zh = :headline)
                         ORDER BY id LIMIT 1""")
                .bind("pub", publicationZh).bind("date", publishedOn).bind("headline", headline)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) return existing.get();
        String english = publicationEn;
        if (english == null || english.isBlank()) {
            // A publication cited before keeps its English name; a new one shows its own name.
            english = h.createQuery("SELECT publication_en FROM source WHERE publication_zh = :pub ORDER BY id DESC LIMIT 1")
                    .bind("pub", publicationZh).mapTo(String.class).findOne().orElse(publicationZh);
        }
        return h.createUpdate("""
                        INSERT INTO source (publication_zh, publication_en, published_on, headline_zh, headline_en)
                        VALUES (:pub, :pubEn, :date, :headline, NULL)""")
                .bind("pub", publicationZh).bind("pubEn", english).bind("date", publishedOn).bind("headline", headline)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
