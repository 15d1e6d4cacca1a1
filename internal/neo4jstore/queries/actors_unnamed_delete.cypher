// Deletes the actors among $ids that no claim names any more.
// params: $ids
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE NOT EXISTS { (a)-[:ASSERTS|DISPUTES|NAMED_IN]->(:Claim) }
DETACH DELETE a
