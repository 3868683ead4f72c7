package cn.jinjiang.aitraining.extract;

import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code extract --db FILE} reads the existing figures from. The command is given one by the
 * application (which knows the database); the extractor package itself never opens a database.
 */
@FunctionalInterface
public interface FigureCatalogue {
    /** The figures of the database file, archived ones left out; throws with a plain message when it can't. */
    List<KnownFigure> load(Path databaseFile);
}
