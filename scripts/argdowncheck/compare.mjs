// compare.mjs GOT.json WANT.json — compares what the Argdown CLI exported
// (argdown json) for two documents: the numbers of arguments, equivalence
// classes (statements) and relations of each type. Exits 1 on a difference.
import { readFileSync } from "node:fs";

function counts(path) {
  const d = JSON.parse(readFileSync(path, "utf8"));
  const rel = {};
  for (const r of d.relations || []) rel[r.relationType] = (rel[r.relationType] || 0) + 1;
  const types = Object.keys(rel).sort().map((t) => `${t} ${rel[t]}`);
  return [
    `${Object.keys(d.arguments || {}).length} arguments`,
    `${Object.keys(d.statements || {}).length} statements`,
    ...types,
  ].join(", ");
}

const [got, want] = process.argv.slice(2);
const g = counts(got);
const w = counts(want);
if (g !== w) {
  console.log(`MISMATCH ${got}: ${g}; want ${w}`);
  process.exit(1);
}
console.log(`ok ${got}: ${g}`);
