package cn.jinjiang.aitraining.admin.charts;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** Which figures are the dashboard's headline cards, in their order. SQL only, on the caller's handle. */
public final class HeadlineDao {

    /** The keys of the published headline figures, in the order the dashboard shows their cards. */
    public List<String> order(Handle h) {
        return h.createQuery("""
                        SELECT figure_key FROM figure
                         WHERE headline = TRUE AND archived = FALSE
                         ORDER BY sort_order, id""")
                .mapTo(String.class).list();
    }

    /** Of {@code keys}, those that name a published (not archived) figure. */
    public List<String> published(Handle h, List<String> keys) {
        if (keys.isEmpty()) return List.of();
        return h.createQuery("SELECT figure_key FROM figure WHERE archived = FALSE AND figure_key IN (<keys>)")
                .bindList("keys", keys)
                .mapTo(String.class).list();
    }
}
