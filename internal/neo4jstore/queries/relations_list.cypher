// Lists relation IDs matching the filter, ordered by ID: $node among the
// premises or as the target, and the kind.
// params: $after, $node, $kind, $limit
MATCH (r:Relation)
WHERE r.id > $after
  AND ($kind = '' OR r.kind = $kind)
  AND ($node = ''
    OR EXISTS { MATCH (r)-[:TO]->(t) WHERE t.id = $node }
    OR EXISTS { MATCH (p)-[:FROM]->(r) WHERE p.id = $node })
RETURN r.id AS id
ORDER BY id
LIMIT $limit
