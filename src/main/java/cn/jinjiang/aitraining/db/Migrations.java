package cn.jinjiang.aitraining.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
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
        int newest = 0;
        for (String file : shippedFiles()) {
            for (String location : dialect.migrationLocations()) {
                if (!file.startsWith(location + "/")) continue;
                Matcher m = VERSIONED.matcher(file.substring(file.lastIndexOf('/') + 1));
                if (m.matches()) newest = Math.max(newest, Integer.parseInt(m.group(1)));
            }
        }
        return newest;
    }

    /** Migration files lying directly in {@code sql/}, where no database would run them (should be none). */
    static List<String> strayFiles() {
        return shippedFiles().stream()
                .map(file -> file.substring(Dialect.MIGRATIONS.length() + 1))
                .filter(name -> !name.contains("/"))
                .sorted()
                .toList();
    }

    /** The list of shipped migrations the build writes into the jar (see pom.xml, maven-antrun-plugin). */
    static final String INDEX = Dialect.MIGRATIONS + "/INDEX";

    /** Every file under {@code sql/}, as a path relative to the classpath root ({@code sql/common/V2__x.sql}). */
    private static List<String> shippedFiles() {
        URL url = Migrations.class.getClassLoader().getResource(Dialect.MIGRATIONS);
        if (url == null) throw new IllegalStateException("no " + Dialect.MIGRATIONS + "/ on the classpath");
        return shippedFiles(url);
    }

    /**
     * The files under the {@code sql/} folder at {@code url}. In a jar: the build's {@link #INDEX} (one
     * entry, where walking all 27,000 entries of the jar cost about 60 ms of every start), or, in a
     * jar built without it, the jar's entries through {@link JarFile}, which shares the central
     * directory the class loader has already read. In a class folder (tests, an IDE): the folder
     * itself, which is always current.
     */
    static List<String> shippedFiles(URL url) {
        String name = Dialect.MIGRATIONS;
        try {
            if (url.openConnection() instanceof JarURLConnection jarUrl) {
                try (JarFile jar = new JarFile(Path.of(jarUrl.getJarFileURL().toURI()).toFile())) {
                    JarEntry index = jar.getJarEntry(INDEX);
                    if (index != null) {
                        try (InputStream in = jar.getInputStream(index)) {
                            return listedIn(in);
                        }
                    }
                    return jar.stream()
                            .filter(entry -> !entry.isDirectory() && entry.getName().startsWith(name + "/"))
                            .map(JarEntry::getName)
                            .toList();
                }
            }
            Path root = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(Files::isRegularFile)
                        .map(file -> name + "/" + root.relativize(file).toString().replace('\\', '/'))
                        .filter(file -> !file.equals(INDEX))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paths in an index: one per line, blank lines ignored. */
    static List<String> listedIn(InputStream index) throws IOException {
        return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
