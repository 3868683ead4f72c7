-- Roles and disabled accounts, the settings table and an audit log open to new entity types, as
-- sql/sqlite/V6__roles_settings_and_open_audit.sql. PostgreSQL can drop a constraint and widen a
-- column in place, so the audit log is altered rather than rebuilt; the result is the same table
-- (same columns in the same order, same rows and ids, same indexes).

ALTER TABLE admin_user ADD COLUMN role VARCHAR(10) NOT NULL DEFAULT 'admin'
    CHECK (role IN ('editor', 'publisher', 'admin'));
ALTER TABLE admin_user ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE setting (
    name        VARCHAR(60)  PRIMARY KEY,
    value       TEXT         NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 1,
    updated_ms  BIGINT       NOT NULL
);
INSERT INTO setting (name, value, updated_ms) VALUES ('require_review', 'false', 0);

ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_entity_type_check;
ALTER TABLE audit_entry ALTER COLUMN entity_type TYPE VARCHAR(20);
ALTER TABLE audit_entry ADD COLUMN approved_by VARCHAR(60);
