// Creates relation nodes; their FROM and TO edges are made by
// relation_premises_create and relation_targets_create once every node exists.
// params: $rows
UNWIND $rows AS row
CREATE (r:Relation)
SET r = row
