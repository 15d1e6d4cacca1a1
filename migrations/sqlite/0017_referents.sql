-- What the subject of a claim or evidence that points back stands for
-- (argmap.Referent: the unit's words, what they stand for, and the passage
-- of the source that names it), as a JSON object; '' when the unit has
-- none. Units stored before keep none until their source is ingested again.
ALTER TABLE claims ADD COLUMN referent TEXT NOT NULL DEFAULT '';
ALTER TABLE evidence ADD COLUMN referent TEXT NOT NULL DEFAULT '';
