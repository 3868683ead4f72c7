package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.paging.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/** The audit log: listing, the fields each entry changed, and reverting an entry. */
public final class AuditService {
    public static final int PAGE_SIZE = 25;
    /** Bookkeeping fields that change with every write and would only hide the real change. */
    private static final Set<String> NOISE = Set.of("version", "id", "source_id", "sort_order", AuditJson.FORMAT_FIELD);

    private final Jdbi jdbi;
    private final AuditDao dao;
    private final AuditJson json;
    private final Map<String, Revertible> revertibles = new LinkedHashMap<>();

    public AuditService(Jdbi jdbi, AuditDao dao, AuditJson json) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.json = json;
    }

    /** Called once at start-up by each package whose entities the log records. */
    public void register(Revertible revertible) {
        revertibles.put(revertible.entityType(), revertible);
    }

    public Page<AuditRow> page(AuditFilter filter, int pageNumber) {
        int total = dao.count(filter);
        Page.Request request = Page.Request.of(pageNumber, PAGE_SIZE, total);
        List<AuditRow> rows = dao.list(filter, request.size(), request.offset()).stream().map(this::row).toList();
        return new Page<>(rows, request.number(), request.size(), total);
    }

    public void forEach(AuditFilter filter, Consumer<AuditRow> consumer) {
        dao.forEach(filter, e -> consumer.accept(row(e)));
    }

    public List<String> entities() { return dao.entities(); }

    public List<String> users() { return dao.users(); }

    /**
     * Reverts one entry: the entity goes back to its state before that entry, as a new audited
     * change. Refused when the entity changed after the entry (its version moved on), so a revert
     * never silently undoes somebody else's later work.
     */
    public long revert(long id, String username, String reason) {
        return jdbi.inTransaction(h -> {
            AuditEntry entry = dao.find(h, id).orElseThrow(() -> new RevertRefused("revert.not_found"));
            String why = reason == null || reason.isBlank() ? "revert #" + id : reason;
            Revertible revertible = revertibles.get(entry.entityType());
            if (revertible == null) throw new RevertRefused("revert.gone");
            revertible.revert(h, entry, username, why);
            return dao.latestFor(h, entry.entityType(), entry.entityKey()).orElseThrow();
        });
    }

    private AuditRow row(AuditEntry e) {
        return new AuditRow(e, changes(e.beforeJson(), e.afterJson()));
    }

    /** The fields that differ between the two states, flattened to paths. */
    List<Change> changes(String beforeJson, String afterJson) {
        Map<String, String> before = flatten(beforeJson);
        Map<String, String> after = flatten(afterJson);
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String b = before.get(field);
            String a = after.get(field);
            if (!java.util.Objects.equals(b, a)) changes.add(new Change(field, b == null ? "" : b, a == null ? "" : a));
        }
        return changes;
    }

    private Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null) return out;
        try {
            flatten(this.json.tree(json), "", out);
        } catch (JsonProcessingException e) {
            out.put("?", json);
        }
        return out;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> out) {
        if (node.isObject()) {
            node.properties().forEach(f -> {
                if (NOISE.contains(f.getKey())) return;
                flatten(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                // Observations are named by row id, so an inserted row does not shift the others.
                String name = Optional.ofNullable(item.get("id")).map(JsonNode::asText).orElse(String.valueOf(i));
                flatten(item, path + "[" + name + "]", out);
            }
        } else if (!node.isNull()) {
            out.put(path, node.asText());
        }
    }
}
