-- Titles and kinds of claims, titles and schemes of relations: what argument
-- interchange formats (Argdown, AIF) name. Empty strings when absent.
ALTER TABLE claims ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT '' CHECK (kind IN ('', 'argument'));
ALTER TABLE relations ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE relations ADD COLUMN scheme TEXT NOT NULL DEFAULT '';
