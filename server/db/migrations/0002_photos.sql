-- Photos of pupil work (issue 6 point 5): the file lives at
-- DATA_DIR/photos/<team_id>/<hash>, named by the SHA-256 of its bytes; a photo
-- belongs to one or more cycles of its team and is deleted with the last one.

CREATE TABLE photos (
  team_id TEXT NOT NULL REFERENCES teams (id),
  hash TEXT NOT NULL,
  type TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (team_id, hash)
) STRICT;

CREATE TABLE photo_cycles (
  team_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  cycle_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (team_id, cycle_id, hash),
  FOREIGN KEY (team_id, hash) REFERENCES photos (team_id, hash)
) STRICT;

CREATE INDEX photo_cycles_by_hash ON photo_cycles (team_id, hash);
