package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The native library is copied once, used while it matches the jar, written again when it does not. */
class SqliteNativeLibraryTest {
    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path temporary;

    @Test
    void thisMachinesLibraryIsInTheJar() {
        String resource = SqliteNativeLibrary.resourceForThisSystem().orElseThrow();
        assertTrue(SqliteNativeLibrary.class.getResource(resource) != null, resource);
    }

    @Test
    void copiedOnceThenReusedWhileItMatches() throws IOException {
        String resource = SqliteNativeLibrary.resourceForThisSystem().orElseThrow();
        Path folder = SqliteNativeLibrary.privateFolder(temporary, USER);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));

        Path first = SqliteNativeLibrary.keptCopy(resource, folder).orElseThrow();
        assertArrayEquals(jarBytes(resource), Files.readAllBytes(first));
        Files.setLastModifiedTime(first, FileTime.fromMillis(0));
        assertEquals(first, SqliteNativeLibrary.keptCopy(resource, folder).orElseThrow());
        assertEquals(0, Files.getLastModifiedTime(first).toMillis(), "a matching copy is not written again");
    }

    @Test
    void aDamagedOrOldCopyIsReplaced() throws IOException {
        String resource = SqliteNativeLibrary.resourceForThisSystem().orElseThrow();
        Path folder = SqliteNativeLibrary.privateFolder(temporary, USER);
        Path kept = SqliteNativeLibrary.keptCopy(resource, folder).orElseThrow();
        byte[] damaged = Files.readAllBytes(kept);
        damaged[damaged.length / 2] ^= 0x5a; // same size, other bytes
        Files.write(kept, damaged);
        Path older = Files.writeString(folder.resolve("libsqlitejdbc-0badc0de-1234.so"), "an earlier version");

        assertEquals(kept, SqliteNativeLibrary.keptCopy(resource, folder).orElseThrow());
        assertArrayEquals(jarBytes(resource), Files.readAllBytes(kept));
        assertFalse(Files.exists(older), "an earlier version's copy is removed");
        try (var left = Files.list(folder)) {
            assertEquals(1, left.count(), "no partial file is left");
        }
    }

    @Test
    void aFolderOthersCouldWriteToIsNotUsed() throws IOException {
        Path open = Files.createDirectory(temporary.resolve("ai-training-dashboard-native-" + USER));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThrows(IOException.class, () -> SqliteNativeLibrary.privateFolder(temporary, USER));

        Path elsewhere = Files.createDirectory(temporary.resolve("elsewhere"));
        Files.setPosixFilePermissions(elsewhere, PosixFilePermissions.fromString("rwx------"));
        Path other = temporary.resolve("other");
        Files.createDirectory(other);
        Files.createSymbolicLink(other.resolve("ai-training-dashboard-native-" + USER), elsewhere);
        assertThrows(IOException.class, () -> SqliteNativeLibrary.privateFolder(other, USER), "a link is not followed");
    }

    @Test
    void openingADatabaseUsesTheKeptCopy() {
        // Every test opens SQLite through Database.open, which prepares the copy first.
        Database.open(temporary.resolve("d.db")).close();
        String path = System.getProperty(SqliteNativeLibrary.PATH_PROPERTY);
        String name = System.getProperty(SqliteNativeLibrary.NAME_PROPERTY);
        assertTrue(path != null && name != null && Files.isRegularFile(Path.of(path, name)), path + " " + name);
        assertTrue(name.matches("libsqlitejdbc-[0-9a-f]{8}-[0-9]+\\.so"), name);
    }

    private static byte[] jarBytes(String resource) throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
