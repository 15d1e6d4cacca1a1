// Counts the records stored.
// params: none
RETURN COUNT { (:Source) } AS sources,
       COUNT { (:Claim) } AS claims,
       COUNT { (:Evidence) } AS evidence,
       COUNT { (:Actor) } AS actors,
       COUNT { (:Relation) } AS relations,
       COUNT { (:Citation) } AS citations
