// Creates claims with their spans and link keys: WriteGraph's one statement
// per batch of claims, so that each claim is found once (it is the node just
// created) instead of once per span and key by a statement of its own.
// Rows: {props: the Claim node's properties, spans: [{source_id, start, end,
// quote}] (distinct start and end per source), keys: [key] (distinct)}. A
// ClaimKey's slot is built as claim_keys_create builds it. Returns how many
// spans were linked (a span whose source is missing is not).
// params: $rows
UNWIND $rows AS row
CREATE (c:Claim)
SET c = row.props
WITH c, row
CALL (c, row) {
  UNWIND row.spans AS sp
  MATCH (s:Source {id: sp.source_id})
  CREATE (c)-[:STATED_IN {start: sp.start, end: sp.end, quote: sp.quote}]->(s)
  RETURN count(*) AS spans
}
CALL (c, row) {
  UNWIND row.keys AS key
  CREATE (:ClaimKey {slot: key + '\u001F' + right('000000000000000' + toString(c.created_at), 15) + '\u001F' + c.id})-[:KEYS]->(c)
}
RETURN sum(spans) AS linked
