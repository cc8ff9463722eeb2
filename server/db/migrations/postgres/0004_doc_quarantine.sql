-- Stored document data that could not be read when the document was loaded
-- (a damaged snapshot or update row). It is moved here instead of being
-- deleted, so nothing is lost and an operator can inspect or restore it.
CREATE TABLE doc_quarantine (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('snapshot', 'update')),
  data BYTEA NOT NULL,
  reason TEXT NOT NULL,
  moved_at TEXT NOT NULL
);

CREATE INDEX doc_quarantine_by_name ON doc_quarantine (name);
