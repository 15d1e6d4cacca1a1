// The claims and evidence with the most relations (as a premise or as the
// target; relations that undercut a relation count for neither), most first,
// ties by ID, nodes with no relation last.
// params: $limit
CALL () {
  MATCH (c:Claim)
  RETURN c AS n
  UNION ALL
  MATCH (e:Evidence)
  RETURN e AS n
}
WITH n.id AS id, COUNT { (n)-[:FROM]->(:Relation) } + COUNT { (:Relation)-[:TO]->(n) } AS degree
RETURN id
ORDER BY degree DESC, id
LIMIT $limit
