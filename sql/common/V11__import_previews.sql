-- What an admin's session keeps for a later request: today a parsed import waiting for its
-- confirmation (JSON), so the confirmation may reach any server process on this database. A row
-- belongs to its session and is deleted with it (expiry, sign-out, the purge at every sign-in).
-- Standard SQL, the same on SQLite and PostgreSQL.
CREATE TABLE import_preview (
    session_hash  CHAR(64)     NOT NULL REFERENCES admin_session (id_hash) ON DELETE CASCADE,
    name          VARCHAR(80)  NOT NULL,
    value_json    TEXT         NOT NULL,
    stored_ms     BIGINT       NOT NULL,
    PRIMARY KEY (session_hash, name)
);
