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
        return findOrCreate(h, publicationZh, publicationEn, publishedOn, headline, null);
    }

    /**
     * As {@link #findOrCreate(Handle, String, String, LocalDate, String)}, with the article's author
     * (null: not stated). A source found without an author gets this one; a stated author that
     * differs from the source's own makes it another source.
     */
    public long findOrCreate(Handle h, String publicationZh, String publicationEn, LocalDate publishedOn, String headline,
                             String author) {
        Optional<Long> existing = h.createQuery("""
                        SELECT id FROM source
                         WHERE publication_zh = :pub AND published_on = :date
                           AND (:headline IS NULL OR headline_zh = :headline)
                           AND (:author IS NULL OR author IS NULL OR author = :author)
                         ORDER BY id LIMIT 1""")
                .bind("pub", publicationZh).bind("date", publishedOn).bind("headline", headline).bind("author", author)
                .mapTo(Long.class).findOne();
        if (existing.isPresent()) {
            if (author != null) {
                h.createUpdate("UPDATE source SET author = :author WHERE id = :id AND author IS NULL")
                        .bind("author", author).bind("id", existing.get()).execute();
            }
            return existing.get();
        }
        String english = publicationEn;
        if (english == null || english.isBlank()) {
            // A publication cited before keeps its English name; a new one shows its own name.
            english = h.createQuery("SELECT publication_en FROM source WHERE publication_zh = :pub ORDER BY id DESC LIMIT 1")
                    .bind("pub", publicationZh).mapTo(String.class).findOne().orElse(publicationZh);
        }
        return h.createUpdate("""
                        INSERT INTO source (publication_zh, publication_en, published_on, headline_zh, headline_en, author)
                        VALUES (:pub, :pubEn, :date, :headline, NULL, :author)""")
                .bind("pub", publicationZh).bind("pubEn", english).bind("date", publishedOn).bind("headline", headline)
                .bind("author", author)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }
}
