-- Sessions and login throttling move from process memory into the database: a restart keeps
-- everybody signed in, and several server processes on one database share both.
-- Times here are epoch milliseconds (BIGINT): they are compared in SQL, and numbers compare the
-- same way everywhere (ISO text with a varying number of fraction digits does not).

-- One row per signed-in browser. Only the SHA-256 of the cookie's value is stored, so a copy of
-- the database does not let anyone take over a session. There are no anonymous sessions: the
-- login form is protected by a signed cookie instead (see app_secret).
CREATE TABLE admin_session (
    id_hash      CHAR(64)     PRIMARY KEY,
    username     VARCHAR(60)  NOT NULL,
    csrf_token   VARCHAR(64)  NOT NULL,
    created_ms   BIGINT       NOT NULL,
    last_seen_ms BIGINT       NOT NULL,
    address      VARCHAR(64),
    user_agent   VARCHAR(200),
    -- A message for the next page (post/redirect/get): {"key":..,"error":..,"args":[..]}.
    flash_json   TEXT
);
CREATE INDEX admin_session_by_user ON admin_session (username);
CREATE INDEX admin_session_by_last_seen ON admin_session (last_seen_ms);
CREATE INDEX admin_session_by_created ON admin_session (created_ms);

-- One row per password check let through by the throttle, written before the hash is computed.
-- A successful sign-in removes the rows of its name and address pair.
CREATE TABLE login_attempt (
    id           INTEGER      PRIMARY KEY,
    username     VARCHAR(60)  NOT NULL,
    address      VARCHAR(64)  NOT NULL,
    attempted_ms BIGINT       NOT NULL
);
CREATE INDEX login_attempt_by_pair ON login_attempt (username, address, attempted_ms);
CREATE INDEX login_attempt_by_address ON login_attempt (address, attempted_ms);
CREATE INDEX login_attempt_by_time ON login_attempt (attempted_ms);

-- Random keys made on first use and shared by every process on this database, e.g. the HMAC key
-- that signs the login form's CSRF cookie.
CREATE TABLE app_secret (
    name        VARCHAR(40)  PRIMARY KEY,
    secret      VARCHAR(100) NOT NULL,
    created_ms  BIGINT       NOT NULL
);
