-- A member who deleted their account (issue 13, "My data"): their name is
-- replaced by '' and the time of the erasure recorded, so the roster shows a
-- neutral label where their name was. The row itself stays: it maps the id
-- that team documents still carry (observations, hours) to that label.
ALTER TABLE members ADD COLUMN erased_at TEXT;
