package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build lists the shipped migrations in {@code sql/INDEX}, and a server started from a jar reads
 * that one entry instead of walking the whole jar for the newest schema version.
 */
class MigrationIndexTest {
    @TempDir Path folder;

    @Test
    void theBuildListsEveryShippedMigration() throws Exception {
        URL sql = Migrations.class.getClassLoader().getResource(Dialect.MIGRATIONS);
        assertNotNull(sql);
        List<String> walked = Migrations.shippedFiles(sql).stream().sorted().toList();
        try (InputStream index = Migrations.class.getClassLoader().getResourceAsStream(Migrations.INDEX)) {
            assertNotNull(index, "mvn process-resources writes " + Migrations.INDEX + " (pom.xml, maven-antrun-plugin)");
            assertEquals(walked, Migrations.listedIn(index).stream().sorted().toList());
        }
        assertEquals(List.of(), walked.stream().filter(f -> !f.endsWith(".sql")).toList(), "the index lists itself nowhere");
    }

    @Test
    void aJarIsReadThroughItsIndex() throws Exception {
        Path jar = jar("with-index.jar", Map.of(
                "sql/INDEX", "sql/common/V2__data.sql\nsql/sqlite/V9__newest.sql\n",
                "sql/common/V2__data.sql", "--",
                "sql/sqlite/V9__newest.sql", "--",
                "sql/sqlite/V10__not_listed.sql", "--"));
        // The index is taken at its word: a file it does not list is not walked for.
        assertEquals(List.of("sql/common/V2__data.sql", "sql/sqlite/V9__newest.sql"),
                Migrations.shippedFiles(inJar(jar)));
    }

    @Test
    void aJarWithoutIndexIsWalked() throws Exception {
        Path jar = jar("without-index.jar", Map.of(
                "sql/common/V2__data.sql", "--",
                "sql/sqlite/V10__newest.sql", "--",
                "templates/page.html", "<p>"));
        assertEquals(List.of("sql/common/V2__data.sql", "sql/sqlite/V10__newest.sql"),
                Migrations.shippedFiles(inJar(jar)).stream().sorted().toList());
    }

    private Path jar(String name, Map<String, String> entries) throws Exception {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (var e : new java.util.TreeMap<>(entries).entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static URL inJar(Path jar) throws Exception {
        return new URL("jar:" + jar.toUri() + "!/" + Dialect.MIGRATIONS);
    }
}
