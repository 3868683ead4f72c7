package cn.jinjiang.aitraining.db;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Copies every table of one database into another of either dialect ({@code migrate-db}): the
 * tables are read from the schema (so tables added by later migrations are copied too), in
 * foreign-key order, each row by row in primary-key order, all in one transaction on the target.
 * Before that transaction commits, every table's row count and checksum (SHA-256 over its rows in
 * a form both databases give alike: dates ISO, times as instants to the microsecond (PostgreSQL's
 * precision), numbers without trailing zeros,
 * booleans as true/false) must match the source's. On PostgreSQL the identity sequences are moved
 * past the copied ids.
 */
public final class DatabaseCopy {
    private static final int BATCH = 500;
    /** Flyway's own history, and rendered pages (a cache of this build's output, rendered again in the copy). */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "rendered_page");
    /** Tables in which a server that has ever run leaves rows: a target holding any is in use. */
    private static final List<String> USED_WHEN_NOT_EMPTY = List.of("admin_user", "audit_entry", "admin_session");

    private DatabaseCopy() {}

    /** One table's outcome. */
    public record Table(String name, long rows, String checksum) {}

    /** A refusal or a mismatch; nothing was written. */
    public static final class CopyRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CopyRefused(String message) { super(message); }
    }

    /** True when a server has never run on {@code target} (no account, no audit entry, no session). */
    public static boolean unused(Database target) {
        return target.jdbi().withHandle(h -> {
            Set<String> tables = new LinkedHashSet<>(columns(h).keySet());
            for (String table : USED_WHEN_NOT_EMPTY) {
                if (tables.contains(table)
                        && h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one() > 0) {
                    return false;
                }
            }
            return true;
        });
    }

    /**
     * Replaces everything in {@code target} (migrated to the same schema, and {@link #unused}) with
     * the contents of {@code source}, or changes nothing.
     */
    public static List<Table> copy(Database source, Database target) {
        if (!unused(target)) {
            throw new CopyRefused("the target already holds accounts or audit entries; copy only into a new database");
        }
        // One snapshot of the source: a REPEATABLE READ transaction on PostgreSQL; on SQLite any
        // transaction reads one snapshot.
        return source.dialect() == Dialect.POSTGRESQL
                ? source.jdbi().inTransaction(TransactionIsolationLevel.REPEATABLE_READ, from ->
                        target.jdbi().inTransaction(to -> copy(from, to, target.dialect())))
                : source.jdbi().inTransaction(from -> target.jdbi().inTransaction(to -> copy(from, to, target.dialect())));
    }

    private static List<Table> copy(Handle from, Handle to, Dialect targetDialect) {
        Map<String, List<Column>> sourceTables = columns(from);
        Map<String, List<Column>> targetTables = columns(to);
        if (!sourceTables.keySet().equals(targetTables.keySet())) {
            throw new CopyRefused("the two schemas differ: source tables " + sourceTables.keySet() + ", target tables "
                    + targetTables.keySet());
        }
        List<String> order = foreignKeyOrder(to, targetTables.keySet());
        for (String table : order) {
            Set<String> sourceNames = sourceTables.get(table).stream().map(Column::name).collect(Collectors.toSet());
            Set<String> targetNames = targetTables.get(table).stream().map(Column::name).collect(Collectors.toSet());
            if (!sourceNames.equals(targetNames)) {
                throw new CopyRefused("table " + table + " has columns " + sourceNames + " in the source but " + targetNames
                        + " in the target");
            }
        }
        // Rows the target's migrations inserted (the curated data) make way for the source's.
        for (int i = order.size() - 1; i >= 0; i--) to.execute("DELETE FROM " + order.get(i));
        List<Table> copied = new ArrayList<>();
        for (String table : order) {
            List<Column> columns = targetTables.get(table);
            Table read = copyTable(from, to, table, columns);
            Table written = checksum(to, table, columns);
            if (read.rows() != written.rows() || !read.checksum().equals(written.checksum())) {
                throw new CopyRefused("table " + table + " differs after copying: source " + read.rows() + " rows, checksum "
                        + read.checksum() + "; target " + written.rows() + " rows, checksum " + written.checksum());
            }
            copied.add(read);
        }
        if (targetDialect == Dialect.POSTGRESQL) PostgresIdentities.movepast(to);
        return copied;
    }

    /** Streams one table from source to target in batches; returns the source side's count and checksum. */
    private static Table copyTable(Handle from, Handle to, String table, List<Column> columns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
        Digest digest = new Digest();
        PreparedBatch[] batch = {to.prepareBatch(insert)};
        int[] pending = {0};
        from.createQuery("SELECT " + names + " FROM " + table + orderBy(from, table, columns))
                .setFetchSize(BATCH)
                .map((rs, ctx) -> {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = columns.get(i).read(rs, i + 1);
                    return row;
                })
                .useStream(rows -> rows.forEach(row -> {
                    digest.add(row);
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) batch[0].bindNull(i, columns.get(i).sqlType());
                        else batch[0].bind(i, row[i]);
                    }
                    batch[0].add();
                    if (++pending[0] == BATCH) {
                        batch[0].execute();
                        batch[0] = to.prepareBatch(insert);
                        pending[0] = 0;
                    }
                }));
        if (pending[0] > 0) batch[0].execute();
        return new Table(table, digest.rows, digest.hex());
    }

    /** The count and checksum of a table as {@code h} holds it, read the way the copy reads. */
    public static Table checksum(Handle h, String table, List<Column> columns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        Digest digest = new Digest();
        h.createQuery("SELECT " + names + " FROM " + table + orderBy(h, table, columns))
                .setFetchSize(BATCH)
                .map((rs, ctx) -> {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = columns.get(i).read(rs, i + 1);
                    return row;
                })
                .useStream(rows -> rows.forEach(digest::add));
        return new Table(table, digest.rows, digest.hex());
    }

    /** Every table's count and checksum, in foreign-key order (for comparing two databases). */
    public static List<Table> checksums(Database database) {
        return database.jdbi().withHandle(h -> {
            Map<String, List<Column>> tables = columns(h);
            List<Table> result = new ArrayList<>();
            for (String table : foreignKeyOrder(h, tables.keySet())) result.add(checksum(h, table, tables.get(table)));
            return result;
        });
    }

    private static String orderBy(Handle h, String table, List<Column> columns) {
        List<String> key = new ArrayList<>();
        try {
            DatabaseMetaData meta = h.getConnection().getMetaData();
            TreeMap<Integer, String> ordered = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema(h), table)) {
                while (rs.next()) ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
            key.addAll(ordered.values());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (key.isEmpty()) key = columns.stream().map(Column::name).toList();
        return " ORDER BY " + String.join(", ", key);
    }

    /** The tables of the database's own schema (Flyway's history excluded) and their columns. */
    static Map<String, List<Column>> columns(Handle h) {
        try {
            return columnsOf(h);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the schema: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<Column>> columnsOf(Handle h) throws SQLException {
        DatabaseMetaData meta = h.getConnection().getMetaData();
        String schema = schema(h);
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_COPIED.contains(name) && !name.startsWith("sqlite_")) tables.add(name);
            }
        }
        Map<String, List<Column>> result = new TreeMap<>();
        for (String table : tables) {
            List<Column> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            Kind.of(rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"))));
                }
            }
            result.put(table, columns);
        }
        return result;
    }

    private static String schema(Handle h) {
        return Dialect.of(h.getJdbi()) == Dialect.POSTGRESQL
                ? h.createQuery("SELECT current_schema()").mapTo(String.class).one() : null;
    }

    /** Parents before children; a table's reference to itself (audit_entry.reverts_id) is met by key order. */
    private static List<String> foreignKeyOrder(Handle h, Set<String> tables) {
        try {
            return foreignKeyOrderOf(h, tables);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the foreign keys: " + e.getMessage(), e);
        }
    }

    private static List<String> foreignKeyOrderOf(Handle h, Set<String> tables) throws SQLException {
        DatabaseMetaData meta = h.getConnection().getMetaData();
        String schema = schema(h);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table) && tables.contains(parent)) of.add(parent);
                }
            }
            parents.put(table, of);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            boolean progressed = false;
            for (var entry : parents.entrySet()) {
                if (!order.contains(entry.getKey()) && order.containsAll(entry.getValue())) {
                    order.add(entry.getKey());
                    progressed = true;
                }
            }
            if (!progressed) throw new CopyRefused("the tables' foreign keys form a cycle: " + parents);
        }
        return order;
    }

    /** How a column's values are read alike from either database. */
    enum Kind {
        DATE, TIMESTAMP, BOOLEAN, INTEGER, NUMBER, TEXT;

        static Kind of(int jdbcType, String typeName) {
            String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
            if (name.startsWith("TIMESTAMP") || jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE) {
                return TIMESTAMP;
            }
            if (name.equals("DATE") || jdbcType == Types.DATE) return DATE;
            if (name.startsWith("BOOL") || jdbcType == Types.BOOLEAN || jdbcType == Types.BIT) return BOOLEAN;
            if (name.contains("INT") || jdbcType == Types.INTEGER || jdbcType == Types.BIGINT || jdbcType == Types.SMALLINT) {
                return INTEGER;
            }
            if (name.startsWith("NUMERIC") || name.startsWith("DECIMAL") || name.equals("REAL") || name.startsWith("DOUBLE")
                    || jdbcType == Types.NUMERIC || jdbcType == Types.DECIMAL) {
                return NUMBER;
            }
            return TEXT;
        }
    }

    /** A column: its name and how its values are read. */
    public record Column(String name, Kind kind) {
        Object read(ResultSet rs, int index) throws SQLException {
            Object value = switch (kind) {
                case DATE -> StoredDates.localDate(rs.getString(index));
                // PostgreSQL keeps microseconds; SQLite's text may hold nanoseconds
                case TIMESTAMP -> truncate(StoredDates.instant(rs.getString(index)));
                case BOOLEAN -> rs.getBoolean(index);
                case INTEGER -> rs.getLong(index);
                case NUMBER -> rs.getBigDecimal(index);
                case TEXT -> rs.getString(index);
            };
            return rs.wasNull() ? null : value;
        }

        private static java.time.Instant truncate(java.time.Instant instant) {
            return instant == null ? null : instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        }

        int sqlType() {
            return switch (kind) {
                case DATE -> Types.DATE;
                case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
                case BOOLEAN -> Types.BOOLEAN;
                case INTEGER -> Types.BIGINT;
                case NUMBER -> Types.NUMERIC;
                case TEXT -> Types.VARCHAR;
            };
        }
    }

    /** SHA-256 over the rows, each value in a form both databases give alike. */
    private static final class Digest {
        private final MessageDigest sha;
        private long rows;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(Object[] row) {
            StringBuilder text = new StringBuilder();
            for (Object value : row) {
                String shown;
                if (value == null) shown = "\u0000";
                else if (value instanceof BigDecimal number) {
                    shown = number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
                } else shown = value.toString(); // Instant, LocalDate: ISO; Boolean, Long, String as they are
                text.append(shown).append('\u001F');
            }
            sha.update(text.append('\u001E').toString().getBytes(StandardCharsets.UTF_8));
            rows++;
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
