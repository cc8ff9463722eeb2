-- Photos of pupil work (issue 6 point 5), named by the SHA-256 of their bytes;
-- a photo belongs to one or more cycles of its team and is deleted with the
-- last one. On PostgreSQL the bytes live in photo_data, so every instance
-- serves every photo (on SQLite they are files under DATA_DIR/photos).

CREATE TABLE photos (
  team_id TEXT NOT NULL REFERENCES teams (id),
  hash TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (team_id, hash)
);

CREATE TABLE photo_cycles (
  team_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  cycle_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (team_id, cycle_id, hash),
  FOREIGN KEY (team_id, hash) REFERENCES photos (team_id, hash)
);

CREATE INDEX photo_cycles_by_hash ON photo_cycles (team_id, hash);

CREATE TABLE photo_data (
  team_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (team_id, hash),
  FOREIGN KEY (team_id, hash) REFERENCES photos (team_id, hash) ON DELETE CASCADE
);
