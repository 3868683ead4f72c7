package cn.jinjiang.aitraining.suggest;

import cn.jinjiang.aitraining.admin.figures.AdminFigureDao;
import cn.jinjiang.aitraining.admin.figures.FigureState;
import cn.jinjiang.aitraining.db.Database;
import cn.jinjiang.aitraining.db.DatabaseLocation;
import cn.jinjiang.aitraining.extract.FigureCatalogue;
import cn.jinjiang.aitraining.extract.KnownFigure;
import java.util.List;
import java.util.Objects;

/**
 * The existing figures as the suggester reads them, from the admin's figure states: the extract
 * page passes the ones it has read, {@code extract --db} reads a database through
 * {@link #fromDatabase}. One mapping, so the page and the command suggest alike.
 */
public final class KnownFigures {
    private KnownFigures() {}

    /** The figure with its latest report; null for one without a report (nothing to match against). */
    public static KnownFigure of(FigureState f) {
        FigureState.ObservationState o = f.latest();
        if (o == null) return null;
        return new KnownFigure(f.key(), f.labelZh(), f.labelEn(), o.unit(), o.periodZh(), o.periodEn(), o.quote());
    }

    /** Every figure not archived, in the dashboard's order. */
    public static List<KnownFigure> of(List<FigureState> figures) {
        return figures.stream().filter(f -> !f.archived()).map(KnownFigures::of).filter(Objects::nonNull).toList();
    }

    /** For {@code extract --db FILE|URL}: opens the database (checked and migrated as on start-up) and reads its figures. */
    public static FigureCatalogue fromDatabase() {
        return (DatabaseLocation location) -> {
            try (Database database = Database.open(location, Database.DEFAULT_CONNECT_WAIT)) {
                AdminFigureDao dao = new AdminFigureDao(database.jdbi());
                return of(database.jdbi().withHandle(dao::all));
            }
        };
    }
}
