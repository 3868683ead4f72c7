-- Paging through many figures and events (the dashboard's tables, the timeline) reads them in
-- display order; these indexes let it start at the right row instead of sorting them all.
CREATE INDEX figure_by_order ON figure (archived, sort_order, id);
CREATE INDEX event_by_date ON event (archived, event_date, sort_order, id);
