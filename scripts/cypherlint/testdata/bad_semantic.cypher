// Syntactically valid but wrong: a parameter the header does not declare, a
// misspelt property and relationship type, and an unknown function.
// params: $id
MATCH (c:Claim {id: $id})-[:STATED_INN]->(s:Source)
RETURN c.txt, toUpperCase(s.title), $other
