package cn.jinjiang.aitraining.review.gate;

import cn.jinjiang.aitraining.auth.AdminSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one seam every admin write path passes through after its validation and before its service
 * call: when review is required and the signed-in account is an editor, the change is stored as a
 * pending change instead of applied. Implemented by the review package; the write paths know only
 * this interface, so they do not depend on review (and review may depend on them and on the audit log).
 */
public interface ReviewGate {

    /**
     * Keeps the change for review when it must wait; then returns the address of the page saying
     * it awaits review (the caller redirects there and applies nothing). Empty: apply it now.
     *
     * @param kind        a registered {@link ReviewableKind#kind()}
     * @param targetKey   the figure's or event's key, the audit entry's id; "" when there is none yet
     * @param baseVersion the target's version the form was read with, or null when it has none
     * @param form        the posted form, every value of every field (the CSRF token is dropped)
     */
    Optional<String> hold(AdminSession session, String kind, String targetKey, Integer baseVersion,
                          Map<String, List<String>> form);
}
