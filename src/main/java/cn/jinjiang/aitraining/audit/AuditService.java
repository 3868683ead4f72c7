package cn.jinjiang.aitraining.audit;

import cn.jinjiang.aitraining.i18n.Lang;
import cn.jinjiang.aitraining.i18n.Messages;
import cn.jinjiang.aitraining.paging.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/** The audit log: listing, the fields each entry changed, and reverting an entry. */
public final class AuditService {
    public static final int PAGE_SIZE = 25;

    private final Jdbi jdbi;
    private final AuditDao dao;
    private final AuditJson json;
    private final Map<String, Revertible> revertibles = new LinkedHashMap<>();
    private final Map<String, AuditedType<?>> types = new LinkedHashMap<>();

    public AuditService(Jdbi jdbi, AuditDao dao, AuditJson json) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.json = json;
    }

    /** Called once at start-up by each package whose entities the log records. */
    public void register(Revertible revertible) {
        revertibles.put(revertible.entityType(), revertible);
    }

    /** Called once at start-up by each package whose entities the log records: how to show their states. */
    public void register(AuditedType<?> type) {
        types.put(type.entityType(), type);
    }

    public Page<AuditRow> page(AuditFilter filter, int pageNumber, Lang lang) {
        int total = dao.count(filter);
        Page.Request request = Page.Request.of(pageNumber, PAGE_SIZE, total);
        List<AuditEntry> entries = dao.list(filter, request.size(), request.offset());
        Map<Long, Long> undone = dao.undoneBy(entries.stream().map(AuditEntry::id).toList());
        List<AuditRow> rows = entries.stream().map(e -> row(e, lang, undone.get(e.id()))).toList();
        return new Page<>(rows, request.number(), request.size(), total);
    }

    /** Every matching entry, newest first, for the CSV download (which does not say what was undone). */
    public void forEach(AuditFilter filter, Lang lang, Consumer<AuditRow> consumer) {
        dao.forEach(filter, e -> consumer.accept(row(e, lang, null)));
    }

    /** One entry as the undo confirmation shows it; empty when there is no such entry. */
    public Optional<AuditRow> entry(long id, Lang lang) {
        return jdbi.withHandle(h -> dao.find(h, id).map(e -> row(e, lang, dao.undoneBy(h, id).orElse(null))));
    }

    public List<String> entities() { return dao.entities(); }

    public List<String> users() { return dao.users(); }

    /**
     * Reverts one entry: the entity goes back to its state before that entry, as a new audited
     * change. Refused when the entry was already undone, or when the entity changed after the entry
     * (its version moved on), so a revert never silently undoes somebody else's later work.
     */
    public long revert(long id, String username, String reason) {
        return jdbi.inTransaction(h -> {
            AuditEntry entry = dao.find(h, id).orElseThrow(() -> new RevertRefused("revert.not_found"));
            Optional<Long> undoneBy = dao.undoneBy(h, id);
            if (undoneBy.isPresent()) {
                throw new RevertRefused("revert.already_undone", String.valueOf(id), String.valueOf(undoneBy.get()));
            }
            Revertible revertible = revertibles.get(entry.entityType());
            if (revertible == null) throw new RevertRefused("revert.gone");
            revertible.revert(h, entry, username, reason);
            return dao.latestFor(h, entry.entityType(), entry.entityKey()).orElseThrow();
        });
    }

    private AuditRow row(AuditEntry e, Lang lang, Long undoneBy) {
        AuditedType<?> type = types.get(e.entityType());
        if (type == null) return new AuditRow(e, e.entityKey(), List.of(), undoneBy);
        return new AuditRow(e, label(type, e, lang), changes(type, e, lang), undoneBy);
    }

    private <S> String label(AuditedType<S> type, AuditEntry e, Lang lang) {
        S after = read(type, e.afterJson());
        S state = after != null ? after : read(type, e.beforeJson());
        String label = state == null ? null : shown(() -> type.label().apply(state, lang));
        return label == null || label.isBlank() ? e.entityKey() : label;
    }

    /** The fields that differ between the entry's states, by their labels, as the public pages show values. */
    <S> List<Change> changes(AuditedType<S> type, AuditEntry e, Lang lang) {
        Map<String, Shown> before = shownFields(type, read(type, e.beforeJson()), lang);
        Map<String, Shown> after = shownFields(type, read(type, e.afterJson()), lang);
        Map<String, Shown> all = new LinkedHashMap<>(after);
        before.forEach(all::putIfAbsent);
        List<Change> changes = new ArrayList<>();
        all.forEach((id, field) -> {
            String b = before.containsKey(id) ? before.get(id).value() : "";
            String a = after.containsKey(id) ? after.get(id).value() : "";
            if (!Objects.equals(b, a)) changes.add(new Change(field.label(), b, a));
        });
        return changes;
    }

    /** A field as shown: its label (with the part it belongs to) and its value. */
    private record Shown(String label, String value) {}

    private static <S> Map<String, Shown> shownFields(AuditedType<S> type, S state, Lang lang) {
        Map<String, Shown> out = new LinkedHashMap<>();
        if (state == null) return out;
        for (AuditedField<S> f : type.fields()) {
            out.put(f.labelKey(), new Shown(Messages.get(lang, f.labelKey()), shown(() -> f.shown().apply(state, lang))));
        }
        List<AuditedType.Part<S>> parts = Objects.requireNonNullElse(shownList(() -> type.parts().apply(state)), List.of());
        for (AuditedType.Part<S> part : parts) {
            String partName = shown(() -> part.name().apply(lang));
            for (AuditedField<S> f : type.partFields()) {
                String label = Messages.get(lang, "admin.audit.field_of_part", Messages.get(lang, f.labelKey()), partName);
                out.put(part.id() + "/" + f.labelKey(), new Shown(label, shown(() -> f.shown().apply(part.narrowed(), lang))));
            }
        }
        return out;
    }

    private <S> S read(AuditedType<S> type, String stored) {
        if (stored == null) return null;
        try {
            return json.read(stored, type.stateType());
        } catch (RuntimeException unreadable) {
            return null; // a state of a newer format or damaged JSON: its fields cannot be shown, the entry still is
        }
    }

    /**
     * A value as shown, "" when there is none. A state written before a field existed reads with that
     * field null; showing it must not hide the rest of the entry.
     */
    private static String shown(java.util.function.Supplier<String> value) {
        try {
            return Objects.requireNonNullElse(value.get(), "");
        } catch (RuntimeException missingField) {
            return "";
        }
    }

    private static <T> List<T> shownList(java.util.function.Supplier<List<T>> value) {
        try {
            return value.get();
        } catch (RuntimeException missingField) {
            return List.of();
        }
    }
}
