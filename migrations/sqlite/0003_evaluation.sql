-- What argument evaluation keeps about claims: whether a claim is assumed,
-- the issue it is a position of (claims sharing an issue are rival answers)
-- and the proof standard it must meet. Names from imported files are kept in
-- title (0002).
ALTER TABLE claims ADD COLUMN assumed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN issue TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN standard TEXT NOT NULL DEFAULT '';
