package cn.jinjiang.aitraining.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations this build ships (on the classpath, in the jar or in a folder): {@code sql/common}
 * for both databases, {@code sql/sqlite} and {@code sql/postgresql} where a dialect truly differs.
 * Flyway reads each location recursively; a file directly in {@code sql/} is read by neither.
 */
final class Migrations {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)(?:[._]\\d+)*__.+\\.sql");

    private Migrations() {}

    /** The newest major version among the migrations a database of this dialect runs. */
    static int newestVersion(Dialect dialect) {
        return inClasspathFolder(Dialect.MIGRATIONS, root -> {
            int newest = 0;
            for (String location : dialect.migrationLocations()) {
                Path folder = root.resolve(location.substring(Dialect.MIGRATIONS.length() + 1));
                if (Files.isDirectory(folder)) newest = Math.max(newest, newest(folder));
            }
            return newest;
        });
    }

    /** Migration files lying directly in {@code sql/}, where no database would run them (should be none). */
    static List<String> strayFiles() {
        return inClasspathFolder(Dialect.MIGRATIONS, root -> {
            try (Stream<Path> files = Files.list(root)) {
                return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static <T> T inClasspathFolder(String name, Function<Path, T> read) {
        URL url = Migrations.class.getClassLoader().getResource(name);
        if (url == null) throw new IllegalStateException("no " + name + "/ on the classpath");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return read.apply(jar.getPath(name));
                }
            }
            return read.apply(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int newest(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
