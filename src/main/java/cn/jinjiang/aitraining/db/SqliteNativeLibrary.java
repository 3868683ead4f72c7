package cn.jinjiang.aitraining.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * sqlite-jdbc's native library, copied out of the jar once per version instead of on every start.
 *
 * <p>On its own, sqlite-jdbc writes the library (1-2 MB) to a new file in the temporary folder at
 * every start, compares the copy with the jar byte by byte, and runs {@code uname} to rule out
 * Android: about a quarter of a second of a start on two cores. Here the copy lives in a folder only
 * this user may open ({@code ai-training-dashboard-native-USER} in the temporary folder, mode 700),
 * named after the library's checksum in the jar, and is used when its size and CRC-32 still match
 * the jar's; otherwise it is written again (to a temporary name, then moved into place). sqlite-jdbc
 * is pointed at it through its documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}
 * properties. Anything unusual (another system than Linux on x86-64 or ARM64 with the GNU C library,
 * an operator's own {@code org.sqlite.lib.path}, a folder owned by someone else, no jar) leaves
 * sqlite-jdbc to its own way.
 */
public final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SqliteNativeLibrary() {}

    /** Points sqlite-jdbc at the kept copy (writing it first when needed); returns it, or empty when sqlite-jdbc is left to itself. */
    public static synchronized Optional<Path> prepare() {
        if (System.getProperty(PATH_PROPERTY) != null) return Optional.empty();
        Optional<String> resource = resourceForThisSystem();
        if (resource.isEmpty()) return Optional.empty();
        try {
            String user = System.getProperty("user.name", "");
            Optional<Path> kept = keptCopy(resource.get(), privateFolder(Path.of(System.getProperty("java.io.tmpdir")), user));
            kept.ifPresent(file -> {
                System.setProperty(NAME_PROPERTY, file.getFileName().toString());
                System.setProperty(PATH_PROPERTY, file.getParent().toString());
            });
            return kept;
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // sqlite-jdbc extracts it its own way, and reports what fails
        }
    }

    /** The library's place in sqlite-jdbc's jar for the systems this knows for sure. */
    static Optional<String> resourceForThisSystem() {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.equals("Linux") || isMusl()) return Optional.empty();
        String folder = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return folder == null ? Optional.empty() : Optional.of("/org/sqlite/native/Linux/" + folder + "/libsqlitejdbc.so");
    }

    /** Alpine and other musl systems need sqlite-jdbc's Linux-Musl build; its own loader tells them apart. */
    private static boolean isMusl() {
        return Files.exists(Path.of("/lib/ld-musl-x86_64.so.1")) || Files.exists(Path.of("/lib/ld-musl-aarch64.so.1"));
    }

    /** A folder in the temporary folder that only this user can open, made if missing; refused if anyone else could write to it. */
    static Path privateFolder(Path temporaryFolder, String user) throws IOException {
        Path folder = temporaryFolder.resolve("ai-training-dashboard-native-" + user.replaceAll("[^A-Za-z0-9._-]", "_"));
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another start made it a moment ago: checked below like any existing folder
            }
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(user)
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            throw new IOException("not a private folder: " + folder);
        }
        return folder;
    }

    /** The verified copy of {@code resource} in {@code folder}, written when missing or different. */
    static Optional<Path> keptCopy(String resource, Path folder) throws IOException {
        URL url = SqliteNativeLibrary.class.getResource(resource);
        if (url == null) return Optional.empty();
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) return Optional.empty();
        JarEntry entry = jar.getJarEntry();
        long size = entry.getSize();
        long crc = entry.getCrc();
        if (size <= 0 || crc < 0) return Optional.empty();
        Path file = folder.resolve(String.format(Locale.ROOT, "libsqlitejdbc-%08x-%d.so", crc, size));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && crcOf(file, size) == crc) return Optional.of(file);
        Path written = Files.createTempFile(folder, "libsqlitejdbc-", ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, written, StandardCopyOption.REPLACE_EXISTING);
            }
            if (crcOf(written, size) != crc) throw new IOException("the copy of " + resource + " does not match the jar");
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(written);
        }
        removeOtherVersions(folder, file);
        return Optional.of(file);
    }

    /**
     * Copies an earlier version left (one per upgrade). A server still running an older version keeps
     * its library: removing a file does not unmap it.
     */
    private static void removeOtherVersions(Path folder, Path current) {
        try (var files = Files.newDirectoryStream(folder, "libsqlitejdbc-*.so")) {
            for (Path other : files) {
                if (!other.equals(current)) Files.deleteIfExists(other);
            }
        } catch (IOException | RuntimeException e) {
            // an old copy left behind costs disk space only
        }
    }

    /** The file's CRC-32, or -1 when its size is not {@code expectedSize}. */
    private static long crcOf(Path file, long expectedSize) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() != expectedSize) return -1;
            CRC32 crc = new CRC32();
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            while (channel.read(buffer) > 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
            return crc.getValue();
        }
    }
}
