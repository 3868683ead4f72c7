-- The admin area: accounts and the audit log. Sessions and login throttling live in memory
-- (instance objects), so a restart signs everybody out, which is acceptable for a small staff.

CREATE TABLE admin_user (
    id             INTEGER PRIMARY KEY,
    username       VARCHAR(60)  NOT NULL UNIQUE,
    -- Argon2id in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
    password_hash  VARCHAR(200) NOT NULL,
    -- Set for the generated first password, so the operator is reminded to change it.
    must_change    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at     TIMESTAMP    NOT NULL,
    updated_at     TIMESTAMP    NOT NULL
);

-- One row per change to a figure or an event. before_json/after_json hold the whole state of the
-- entity (figure with all its observations, or event) so any entry can be shown and reverted.
CREATE TABLE audit_entry (
    id           INTEGER PRIMARY KEY,
    occurred_at  TIMESTAMP    NOT NULL,
    username     VARCHAR(60)  NOT NULL,
    action       VARCHAR(20)  NOT NULL
        CHECK (action IN ('create', 'report', 'correction', 'edit', 'archive', 'revert', 'import')),
    entity_type  VARCHAR(10)  NOT NULL CHECK (entity_type IN ('figure', 'event')),
    entity_key   VARCHAR(80)  NOT NULL,
    before_json  TEXT,
    after_json   TEXT         NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    reverts_id   INTEGER      REFERENCES audit_entry (id)
);
CREATE INDEX audit_by_entity ON audit_entry (entity_type, entity_key, id);
CREATE INDEX audit_by_user ON audit_entry (username, id);
