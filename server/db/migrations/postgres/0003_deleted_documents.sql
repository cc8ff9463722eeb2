-- Deleted documents (a deleted cycle): their stored updates and snapshot are
-- removed, and this tombstone makes the sync server refuse the name for good,
-- so a device still holding an old copy can never bring it back.

CREATE TABLE deleted_documents (
  name TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id),
  deleted_by TEXT NOT NULL,
  deleted_at TEXT NOT NULL
);
