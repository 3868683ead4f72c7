package cn.jinjiang.aitraining.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Moves every identity column's sequence past the largest id in its table. Rows inserted with
 * explicit ids (the curated data, a copy by {@code migrate-db}) do not advance the sequence, and
 * the next generated id would collide. Never moves a sequence backwards.
 */
public final class PostgresIdentities {
    private PostgresIdentities() {}

    public static void movepast(Handle h) {
        List<Identity> identities = h.createQuery("""
                        SELECT table_name, column_name FROM information_schema.columns
                         WHERE table_schema = current_schema() AND is_identity = 'YES'
                         ORDER BY table_name""")
                .map((rs, ctx) -> new Identity(rs.getString(1), rs.getString(2))).list();
        for (Identity identity : identities) {
            String sequence = h.createQuery("SELECT pg_get_serial_sequence(:table, :column)")
                    .bind("table", quote(identity.table()))
                    .bind("column", identity.column())
                    .mapTo(String.class).one();
            // setval(seq, n, false): the next value is n. The sequence's own position counts too, so
            // ids once handed out (by rows deleted since) are not given again. The names come from
            // the catalogue, quoted.
            h.createQuery("""
                            SELECT setval(:sequence, GREATEST(
                                       (SELECT COALESCE(MAX(%s), 0) + 1 FROM %s),
                                       (SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM %s)), false)"""
                            .formatted(quote(identity.column()), quote(identity.table()), sequence))
                    .bind("sequence", sequence)
                    .mapToMap().one();
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Identity(String table, String column) {}
}
