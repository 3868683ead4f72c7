package cn.jinjiang.aitraining.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path folder;

    @Test
    void createsTheFileAndItsFolderAndRecordsTheMigrations() {
        Path file = folder.resolve("new/sub/dashboard.db");
        try (Database db = Database.open(file)) {
            assertTrue(Files.exists(file));
            int applied = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").mapTo(Integer.class).one());
            assertTrue(applied >= 2, "schema and curated data recorded");
            assertEquals("wal", db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
            int synchronous = db.jdbi().withHandle(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one());
            assertEquals(2, synchronous, "FULL");
            int foreignKeys = db.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
            assertEquals(1, foreignKeys);
            long mmap = db.jdbi().withHandle(h -> h.createQuery("PRAGMA mmap_size").mapTo(Long.class).one());
            assertEquals(Database.MMAP_BYTES, mmap, "reads go through a memory map (README, Scale)");
        }
    }

    @Test
    void anExistingDatabaseIsUpgradedNeverRebuilt() {
        Path file = folder.resolve("dashboard.db");
        try (Database db = Database.open(file)) {
            db.jdbi().useHandle(h -> h.execute("UPDATE figure SET label_en = 'kept' WHERE figure_key = 'ai-lectures'"));
        }
        try (Database db = Database.open(file)) {
            assertEquals("kept", db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT label_en FROM figure WHERE figure_key = 'ai-lectures'").mapTo(String.class).one()));
            long versions = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '2'").mapTo(Long.class).one());
            assertEquals(1, versions, "the curated data is applied once");
        }
    }
}
