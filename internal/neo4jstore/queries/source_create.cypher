// Creates sources; each row is the property map of one Source node.
// params: $rows
UNWIND $rows AS row
CREATE (s:Source)
SET s = row
