// The variable-length alternative to Reach's walk of one statement
// (reach_level) per level, which BenchmarkReachPaths measures against it:
// one statement returns every path that leads back to the claim through
// relations, at most $depth relations long, and Go keeps each node's
// shortest. A relation adds two hops at most (its TO edge, then a premise's
// FROM edge or an undercut's TO edge), so six hops cover depth 3, the
// default; the hop bound of a variable-length pattern cannot be a parameter.
// params: $id, $depth
MATCH (c:Claim {id: $id})
MATCH path = (c)<-[:TO|FROM*1..6]-(n)
WHERE size([x IN nodes(path) WHERE x:Relation]) <= $depth
RETURN [x IN nodes(path) | x.id] AS ids,
       [x IN nodes(path) | CASE WHEN x:Relation THEN x.kind ELSE '' END] AS kinds
