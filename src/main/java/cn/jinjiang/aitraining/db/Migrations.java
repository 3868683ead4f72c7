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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The migrations this build ships in {@code sql/} (on the classpath, in the jar or in a folder). */
final class Migrations {
    static final String LOCATION = "sql";
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    private Migrations() {}

    static int newestVersion() {
        URL url = Migrations.class.getClassLoader().getResource(LOCATION);
        if (url == null) throw new IllegalStateException("no " + LOCATION + "/ on the classpath");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return newest(jar.getPath(LOCATION));
                }
            }
            return newest(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int newest(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> VERSIONED.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max()
                    .orElse(0);
        }
    }
}
