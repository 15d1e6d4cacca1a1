// Returns the stored actors among the IDs, with their names and aliases, and
// write-locks them until the transaction ends (setting a property, even to
// its own value, takes the node's lock): a graph that adds aliases to a
// stored actor reads and replaces them under the lock, so concurrent writers
// never lose each other's aliases. The caller sorts the IDs, so writers take
// the locks in one order.
// params: $ids
UNWIND $ids AS id
MATCH (a:Actor {id: id})
SET a.name = a.name
RETURN a
