// Deletes the actors among $ids that no claim or evidence names any more.
// params: $ids
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE NOT EXISTS { (a)-[:ASSERTS|DISPUTES|NAMED_IN]->(:Claim) }
  AND NOT EXISTS { (a)-[:ASSERTS|DISPUTES|NAMED_IN]->(:Evidence) }
DETACH DELETE a
