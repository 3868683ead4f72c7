-- Follow-up reports and readers (issues 10 and 12).

-- One row per saved extract review (POST /admin/extract/apply). The review form carries a random
-- token; saving inserts it in the same transaction as the figures and events, so a second
-- submission of the same form (browser back and submit again, a double click, two server
-- processes) finds the token taken and is answered with what the first one saved, never saved
-- twice. The keys are comma-separated lists (keys are [a-z0-9-], never a comma); a failed save
-- rolls its row back with everything else, so the form can be corrected and sent again.
CREATE TABLE review_submission (
    token          VARCHAR(64)  PRIMARY KEY,
    username       VARCHAR(60)  NOT NULL,
    saved_ms       BIGINT       NOT NULL,
    reported_keys  TEXT         NOT NULL,
    created_keys   TEXT         NOT NULL,
    event_keys     TEXT         NOT NULL
);
CREATE INDEX review_submission_by_time ON review_submission (saved_ms);
