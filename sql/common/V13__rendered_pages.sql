-- Speed (issue 15): public pages and downloads as last rendered, so that a restarted server, or
-- another server process on the same database, answers its first requests from these bytes
-- instead of rendering them again on a cold JVM. A cache and nothing else: a row is used only by
-- the same build with the same settings at the same data version, and any row may be deleted at
-- any time (the page is then rendered again).
CREATE TABLE rendered_page (
    cache_key     TEXT    NOT NULL PRIMARY KEY, -- build and settings, language, origin, representation
    data_version  BIGINT  NOT NULL,
    plain_body    ${bytes_column},              -- the body as sent without compression, if kept so
    gzip_body     ${bytes_column}               -- the body gzipped, for bodies worth compressing
);
CREATE INDEX rendered_page_by_version ON rendered_page (data_version);
