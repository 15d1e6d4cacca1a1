// Lists actors matching the filter, ordered by ID. $query matches a substring
// of the name or an alias, ignoring case.
// params: $after, $kind, $query, $limit
MATCH (a:Actor)
WHERE a.id > $after
  AND ($kind = '' OR a.kind = $kind)
  AND ($query = ''
    OR toLower(a.name) CONTAINS toLower($query)
    OR any(alias IN coalesce(a.aliases, []) WHERE toLower(alias) CONTAINS toLower($query)))
RETURN a
ORDER BY a.id
LIMIT $limit
