// Creates evidence; each row is the property map of one Evidence node.
// params: $rows
UNWIND $rows AS row
CREATE (e:Evidence)
SET e = row
