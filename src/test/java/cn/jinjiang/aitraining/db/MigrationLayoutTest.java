package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Moving the migrations from {@code sql/} into {@code sql/common} and {@code sql/sqlite} changed no file's
 * content, so a database migrated by an older build (all files in one folder) still validates against
 * Flyway's recorded checksums and is upgraded to the newest schema.
 */
@Timeout(120)
class MigrationLayoutTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"5", "6"})
    void aDatabaseMigratedFromTheOldFlatFolderStillOpensAndUpgrades(String oldVersion) throws Exception {
        Path classpathSql = Path.of(MigrationLayoutTest.class.getClassLoader().getResource(Dialect.MIGRATIONS).toURI());
        Path flat = Files.createDirectories(folder.resolve("old-sql"));
        for (String dir : new String[] {"common", "sqlite"}) {
            try (Stream<Path> files = Files.list(classpathSql.resolve(dir))) {
                for (Path file : files.toList()) {
                    int version = Integer.parseInt(file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
                    if (version <= 6) Files.copy(file, flat.resolve(file.getFileName()));
                }
            }
        }
        Path db = folder.resolve("made-by-an-older-build.db");
        Flyway.configure()
                .dataSource("jdbc:sqlite:" + db, null, null)
                .locations("filesystem:" + flat)
                .placeholders(Map.of("id_column", "INTEGER PRIMARY KEY"))
                .target(oldVersion)
                .load()
                .migrate();

        try (Database opened = Database.open(db)) {
            int newest = opened.jdbi().withHandle(h -> h.createQuery(
                    "SELECT MAX(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
            assertEquals(Migrations.newestVersion(Dialect.SQLITE), newest);
            int figures = opened.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM figure").mapTo(Integer.class).one());
            assertEquals(15, figures);
        }
    }
}
