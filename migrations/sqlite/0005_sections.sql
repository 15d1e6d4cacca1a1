-- The heading path a map places a claim under (Argdown sections), as a JSON
-- array of headings, outermost first.
ALTER TABLE claims ADD COLUMN section TEXT NOT NULL DEFAULT '[]';
