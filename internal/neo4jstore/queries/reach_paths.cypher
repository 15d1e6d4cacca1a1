// Every path that leads back to the claim through relations, at most $depth
// relations long: Reach's one statement for depths up to 3 (Go then walks the
// relations on the paths level by level, as it walks reach_level's rows for
// deeper ones). A relation adds two hops at most (its TO edge, then a
// premise's FROM edge or an undercut's TO edge), so six hops cover depth 3;
// the hop bound of a variable-length pattern cannot be a parameter.
// BenchmarkReachShapes measures this against one reach_level per level.
// params: $id, $depth
MATCH (c:Claim {id: $id})
MATCH path = (c)<-[:TO|FROM*1..6]-(n)
WHERE size([x IN nodes(path) WHERE x:Relation]) <= $depth
RETURN [x IN nodes(path) | x.id] AS ids,
       [x IN nodes(path) | CASE WHEN x:Relation THEN x.kind ELSE '' END] AS kinds
