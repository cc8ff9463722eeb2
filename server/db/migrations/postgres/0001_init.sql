-- Teams, members and their tokens, invites, and the document store
-- (snapshot + append-only update log).

CREATE TABLE teams (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  creator_member_id TEXT NOT NULL,
  creator_key_hash TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE members (
  team_id TEXT NOT NULL REFERENCES teams (id),
  id TEXT NOT NULL,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  joined_at TEXT NOT NULL,
  removed_at TEXT,
  PRIMARY KEY (team_id, id)
);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  FOREIGN KEY (team_id, member_id) REFERENCES members (team_id, id)
);

CREATE INDEX tokens_by_member ON tokens (team_id, member_id);

CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id),
  code_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  single_use INTEGER NOT NULL,
  uses INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX invites_by_team ON invites (team_id, created_at);

CREATE TABLE doc_snapshots (
  name TEXT PRIMARY KEY,
  state BYTEA NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE doc_updates (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name TEXT NOT NULL,
  data BYTEA NOT NULL
);

CREATE INDEX doc_updates_by_name ON doc_updates (name, id);
