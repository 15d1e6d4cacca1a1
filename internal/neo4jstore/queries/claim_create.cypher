// Creates claims; each row is the property map of one Claim node.
// params: $rows
UNWIND $rows AS row
CREATE (c:Claim)
SET c = row
