// Lists audit entries newest first (by time, then ID): entries older than
// the entry $after (when set), about or touching $node, made by $who.
// params: $after, $node, $who, $limit
OPTIONAL MATCH (x:AuditEntry {id: $after})
WITH x
MATCH (a:AuditEntry)
WHERE ($after = '' OR (x IS NOT NULL AND (a.at < x.at OR (a.at = x.at AND a.id < x.id))))
  AND ($node = '' OR a.target_id = $node OR $node IN a.refs)
  AND ($who = '' OR a.who = $who)
RETURN a {.id, .at, .who, .action, .kind, .target_id, .refs, .before, .after} AS entry
ORDER BY a.at DESC, a.id DESC
LIMIT $limit
