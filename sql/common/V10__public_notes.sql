-- A public record of changes (issue 13): besides its internal reason, which only staff see, a change
-- may carry a note for readers ("据2025年9月30日报道更新", "更正：原录入有误"), shown on the figure page,
-- at /changes and in its Atom feed. NULL when the change has none.
ALTER TABLE audit_entry ADD COLUMN public_note VARCHAR(200);

-- /changes lists the figure and event entries newest first, a page at a time.
CREATE INDEX audit_by_type ON audit_entry (entity_type, id);
