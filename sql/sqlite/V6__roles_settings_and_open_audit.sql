-- Roles and disabled accounts (review before publishing, issue 13), a table of site settings
-- (charts and dashboard settings, issue 11; "require review", issue 13), and an audit log that
-- can record changes to more than figures and events.

-- editor proposes, publisher approves (and may edit), admin also manages accounts and settings.
-- Existing accounts keep everything they could do: they become admins.
ALTER TABLE admin_user ADD COLUMN role VARCHAR(10) NOT NULL DEFAULT 'admin'
    CHECK (role IN ('editor', 'publisher', 'admin'));
-- A disabled account cannot sign in and its sessions are not honoured.
ALTER TABLE admin_user ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT FALSE;

-- One row per setting; the value is text (JSON where it has structure). version is for
-- optimistic locking in the forms that edit settings.
CREATE TABLE setting (
    name        VARCHAR(60)  PRIMARY KEY,
    value       TEXT         NOT NULL,
    version     INTEGER      NOT NULL DEFAULT 1,
    updated_ms  BIGINT       NOT NULL
);
INSERT INTO setting (name, value, updated_ms) VALUES ('require_review', 'false', 0);

-- The audit log's CHECK constraints listed only figures and events and a fixed set of actions;
-- the Java side (AuditedType registrations, the action names) is the list now. SQLite cannot
-- drop a constraint, so the table is rebuilt with the same rows and ids. approved_by names the
-- publisher when a reviewed change was applied (username then names the proposer).
CREATE TABLE audit_entry_v6 (
    id           INTEGER PRIMARY KEY,
    occurred_at  TIMESTAMP    NOT NULL,
    username     VARCHAR(60)  NOT NULL,
    action       VARCHAR(20)  NOT NULL,
    entity_type  VARCHAR(20)  NOT NULL,
    entity_key   VARCHAR(80)  NOT NULL,
    before_json  TEXT,
    after_json   TEXT         NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    reverts_id   INTEGER      REFERENCES audit_entry_v6 (id),
    approved_by  VARCHAR(60)
);
INSERT INTO audit_entry_v6 (id, occurred_at, username, action, entity_type, entity_key, before_json, after_json,
                            reason, reverts_id)
SELECT id, occurred_at, username, action, entity_type, entity_key, before_json, after_json, reason, reverts_id
  FROM audit_entry;
DROP TABLE audit_entry;
ALTER TABLE audit_entry_v6 RENAME TO audit_entry;
CREATE INDEX audit_by_entity ON audit_entry (entity_type, entity_key, id);
CREATE INDEX audit_by_user ON audit_entry (username, id);
