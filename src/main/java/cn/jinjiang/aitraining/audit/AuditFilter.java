package cn.jinjiang.aitraining.audit;

/** Which entries to list: an entity ({@code figure:key} / {@code event:key}) and a user, each optional. */
public record AuditFilter(String entityType, String entityKey, String username) {
    public static AuditFilter of(String entity, String user) {
        String type = null;
        String key = null;
        if (entity != null && !entity.isBlank()) {
            int colon = entity.indexOf(':');
            if (colon > 0) {
                type = entity.substring(0, colon);
                key = entity.substring(colon + 1);
            } else {
                key = entity;
            }
        }
        return new AuditFilter(type, key, user == null || user.isBlank() ? null : user.trim());
    }

    public String entity() {
        if (entityKey == null) return "";
        return entityType == null ? entityKey : entityType + ":" + entityKey;
    }

    public String user() { return username == null ? "" : username; }
}
