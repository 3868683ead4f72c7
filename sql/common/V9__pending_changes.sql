-- Review before publishing (issue 13): with the require_review setting on, an editor's change is
-- kept here until a publisher approves (then applied, in one transaction with its audit entry) or
-- rejects it. The form is stored as it was posted (JSON: name -> list of values, without the CSRF
-- token), so approval runs the same validation and service call as a direct save.
CREATE TABLE pending_change (
    id              ${id_column},
    kind            VARCHAR(40)   NOT NULL,  -- what kind of change: figure.edit, event.archive, import ...
    target_type     VARCHAR(20)   NOT NULL,  -- figure, event, audit (a revert), import, extract ...
    target_key      VARCHAR(80)   NOT NULL,  -- the figure's or event's key, the audit entry's id; '' when none
    form_json       TEXT          NOT NULL,
    base_version    INTEGER,                 -- the target's version the form was read with, when it has one
    proposed_by     VARCHAR(60)   NOT NULL,
    proposed_ms     BIGINT        NOT NULL,
    reason          VARCHAR(500)  NOT NULL,
    status          VARCHAR(10)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    reviewed_by     VARCHAR(60),
    review_comment  VARCHAR(500),
    reviewed_ms     BIGINT
);
CREATE INDEX pending_change_by_status ON pending_change (status, id);
CREATE INDEX pending_change_by_proposer ON pending_change (proposed_by, id);
