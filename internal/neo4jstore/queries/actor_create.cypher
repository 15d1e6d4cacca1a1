// Creates actors; each row is the property map of one Actor node.
// params: $rows
UNWIND $rows AS row
CREATE (a:Actor)
SET a = row
