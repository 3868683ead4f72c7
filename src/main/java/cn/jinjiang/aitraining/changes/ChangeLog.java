package cn.jinjiang.aitraining.changes;

import cn.jinjiang.aitraining.paging.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public record of changes: every published update and correction of figures and events,
 * read from the audit log (a change is published when its audit entry is written), told by the
 * {@link PublicRecord} each entity's package registers. /changes, its feed and JSON, the figure
 * page's list of reports and corrections and the dashboard's "last updated" date all read it here,
 * so they agree.
 */
public final class ChangeLog {
    /** Dates of changes are the days in China, where the programme and its readers are. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLog.class);

    private final ChangeDao dao;
    private final Map<String, PublicRecord> records = new LinkedHashMap<>();

    public ChangeLog(ChangeDao dao) {
        this.dao = dao;
    }

    /** Adds an entity type to the record; types never registered (accounts, settings) are never public. */
    public void register(PublicRecord record) {
        records.put(record.entityType(), record);
    }

    /** Page {@code number} (from 1), newest first; a page past the end is the last. */
    public Page<PublicChange> page(int number, int size) {
        int total = dao.count(records.keySet());
        Page.Request request = Page.Request.of(number, size, total);
        return new Page<>(tell(dao.page(records.keySet(), request.size(), request.offset())), request.number(),
                request.size(), total);
    }

    /** The {@code count} newest changes (for the feed). */
    public List<PublicChange> latest(int count) {
        return tell(dao.page(records.keySet(), count, 0));
    }

    /** Every change of one entity, oldest first (the figure page's reports and corrections). */
    public List<PublicChange> of(String entityType, String key) {
        if (!records.containsKey(entityType)) return List.of();
        return tell(dao.of(entityType, key));
    }

    /**
     * When the newest published change was made: the dashboard's "last updated" and the top of
     * /changes. Empty while nothing has changed since the curated data.
     */
    public Optional<Instant> lastPublished() {
        return records.isEmpty() ? Optional.empty() : dao.newest(records.keySet());
    }

    /** {@link #lastPublished()} as the day in China. */
    public Optional<LocalDate> lastPublishedDate() {
        return lastPublished().map(at -> at.atZone(ZONE).toLocalDate());
    }

    /**
     * What a change did; an entry whose states cannot be read (damaged by hand, or of a newer format)
     * is listed as a change of the entity without values rather than taking the public pages down.
     */
    private static PublicRecord.Subject describe(PublicRecord record, ChangeDao.Row r) {
        try {
            return record.describe(r.beforeJson(), r.afterJson());
        } catch (RuntimeException unreadable) {
            LOG.warn("audit entry {} cannot be told publicly: {}", r.id(), unreadable.toString());
            return new PublicRecord.Subject(ChangeKind.CORRECTION, r.entityKey(), r.entityKey(), null, null, null, null, null);
        }
    }

    private List<PublicChange> tell(List<ChangeDao.Row> rows) {
        Map<String, Set<String>> keysByType = new HashMap<>();
        for (ChangeDao.Row r : rows) keysByType.computeIfAbsent(r.entityType(), t -> new HashSet<>()).add(r.entityKey());
        Map<String, Set<String>> published = new HashMap<>();
        keysByType.forEach((type, keys) -> published.put(type, records.get(type).published(keys)));
        List<PublicChange> out = new ArrayList<>(rows.size());
        for (ChangeDao.Row r : rows) {
            PublicRecord record = records.get(r.entityType());
            PublicRecord.Subject subject = describe(record, r);
            String path = published.get(r.entityType()).contains(r.entityKey()) ? record.path(r.entityKey()) : null;
            out.add(new PublicChange(r.id(), r.occurredAt(), r.entityType(), r.entityKey(), subject,
                    r.publicNote(), path));
        }
        return out;
    }
}
