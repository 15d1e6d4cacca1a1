// A broken statement the linter must reject: a misspelt keyword, an unknown
// label and property, and a parameter the header does not declare.
// params: $id
MATCH (c:Clam {id: $id})
RETRUN c.txt, $other
