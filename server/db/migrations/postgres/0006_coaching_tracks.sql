-- Coaching tracks (issue 14): a coach follows one coachee over a school year.
-- Each track owns two documents of the team: the shared one (coach and
-- coachee) and the coach's private one. The sync server looks every document
-- up here before it lets a member open it; deleting a track tombstones both
-- documents in deleted_documents, like a deleted cycle.
CREATE TABLE coaching_tracks (
  id TEXT PRIMARY KEY,
  team_id TEXT NOT NULL REFERENCES teams (id),
  coach_id TEXT NOT NULL,
  coachee_id TEXT NOT NULL,
  shared_doc_id TEXT NOT NULL UNIQUE,
  coach_doc_id TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  -- Set when the coachee left the track: from then on only the coach opens it.
  coachee_left_at TEXT,
  FOREIGN KEY (team_id, coach_id) REFERENCES members (team_id, id),
  FOREIGN KEY (team_id, coachee_id) REFERENCES members (team_id, id)
);

CREATE INDEX coaching_tracks_by_team ON coaching_tracks (team_id);

-- What a tombstone was: a cycle (listed in the roster's deletedCycles) or a
-- coaching track's document (listed nowhere: only its two members knew it).
ALTER TABLE deleted_documents ADD COLUMN kind TEXT NOT NULL DEFAULT 'cycle';
