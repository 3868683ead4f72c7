package cn.jinjiang.aitraining.changes;

import java.util.Collection;
import java.util.Set;

/**
 * How one entity type's audited changes are told to readers, implemented by the package that owns
 * the entity (it alone can read its stored states) and registered with {@link ChangeLog}, as
 * {@code audit.Revertible} is with the audit log: this package knows nothing of figures or events.
 * Only what the public pages show anyway may come out of it: never a reason or a user name.
 */
public interface PublicRecord {

    /** The audit log's entity type this describes ({@code figure}, {@code event}). */
    String entityType();

    /** What a change did, from the states stored before (null for a creation) and after it. */
    Subject describe(String beforeJson, String afterJson);

    /** Which of {@code keys} have a public page now (not archived), for links; the others are listed unlinked. */
    Set<String> published(Collection<String> keys);

    /** The public page of the entity with this key, when it has one of its own; null otherwise. */
    String path(String key);

    /**
     * One change as readers see it, in both languages. {@code value*} is the value after the change
     * as the dashboard shows it (近9,000人次), {@code replaced*} the value a correction replaced (null
     * for other kinds, and when the shown value stayed the same); {@code observationId} the figure's
     * value the change reported, corrected or withdrew (null for other entities).
     */
    record Subject(ChangeKind kind, String labelZh, String labelEn, String valueZh, String valueEn,
                   String replacedZh, String replacedEn, Long observationId) {}
}
