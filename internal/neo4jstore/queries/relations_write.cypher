// Creates relations that target a claim, with their TO edge and the FROM
// edges of their premises: WriteGraph's one statement per batch of such
// relations (each relation node is the one just created, not looked up again
// per edge). Rows: {props: the Relation node's properties, to: the target
// claim's ID, claims: [{id, position}], evidence: [{id, position}]} (premises
// by kind). A relation whose target is missing is not created. Returns how
// many relations were created and how many premises linked.
// params: $rows
UNWIND $rows AS row
MATCH (t:Claim {id: row.to})
CREATE (r:Relation)
SET r = row.props
CREATE (r)-[:TO]->(t)
WITH r, row
CALL (r, row) {
  UNWIND row.claims AS p
  MATCH (c:Claim {id: p.id})
  CREATE (c)-[:FROM {position: p.position}]->(r)
  RETURN count(*) AS claims
}
CALL (r, row) {
  UNWIND row.evidence AS p
  MATCH (e:Evidence {id: p.id})
  CREATE (e)-[:FROM {position: p.position}]->(r)
  RETURN count(*) AS evidence
}
RETURN count(r) AS created, sum(claims + evidence) AS linked
