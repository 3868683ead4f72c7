package cn.jinjiang.aitraining.extract;

import cn.jinjiang.aitraining.db.DatabaseLocation;
import java.util.List;

/**
 * Where {@code extract --db FILE|URL} reads the existing figures from. The command is given one by the
 * application (which knows the database); the extractor package itself never opens a database.
 */
@FunctionalInterface
public interface FigureCatalogue {
    /**
     * The figures of the database (an SQLite file or a PostgreSQL database), archived ones left out;
     * throws a {@link cn.jinjiang.aitraining.db.DatabaseException} with a plain message when it can't.
     */
    List<KnownFigure> load(DatabaseLocation database);
}
