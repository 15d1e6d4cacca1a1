// lint.mjs lints every Cypher statement of argmap with the Neo4j language
// support linter, against the schema in schema.json plus the parameters each
// query file declares on its "// params:" line. Any error or warning fails.
//
//   node lint.mjs FILE_OR_DIR...   lint .cypher files; exit 1 on any finding
//   node lint.mjs --self-test      check that every testdata/*.cypher is rejected
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const spec = JSON.parse(readFileSync(join(here, 'schema.json'), 'utf8'));

// pick returns the definitions of the named functions or procedures from the
// package's catalogue of Neo4j's built-ins, failing on an unknown name.
function pick(kind, names) {
  const out = {};
  for (const version of ['CYPHER 5', 'CYPHER 25']) {
    const all = testData.mockSchema[kind][version] ?? {};
    out[version] = {};
    for (const n of names) {
      if (!all[n]) throw new Error(`schema.json: no ${kind} ${n} in Cypher's catalogue`);
      out[version][n] = all[n];
    }
  }
  return out;
}

const base = {
  labels: spec.labels,
  relationshipTypes: spec.relationshipTypes,
  propertyKeys: [...spec.propertyKeys, ...(spec.rowKeys ?? [])],
  functions: pick('functions', spec.functions),
  procedures: pick('procedures', spec.procedures),
};

// params returns the parameters a file declares: "// params: $a, $b".
function params(text) {
  const m = text.match(/^\s*\/\/ params:(.*)$/m);
  if (!m || m[1].trim() === 'none') return {};
  const out = {};
  for (const p of m[1].split(',')) out[p.trim().replace(/^\$/, '')] = null;
  return out;
}

function files(paths) {
  const out = [];
  for (const p of paths) {
    if (statSync(p).isDirectory()) {
      for (const e of readdirSync(p).sort()) {
        if (e.endsWith('.cypher')) out.push(join(p, e));
      }
    } else {
      out.push(p);
    }
  }
  return out;
}

// lintFile returns "file:line:col: severity: message" for every finding.
function lintFile(file) {
  const text = readFileSync(file, 'utf8');
  const schema = { ...base, parameters: params(text) };
  const { diagnostics } = lintCypherQuery(text, schema);
  const name = relative(process.cwd(), file);
  const found = diagnostics.map((d) => {
    const sev = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
    return `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${sev}: ${d.message.split('\n')[0]}`;
  });
  if (text.trim() === '' ) found.push(`${name}:1:1: error: empty file`);
  return found;
}

const args = process.argv.slice(2);
if (args[0] === '--self-test') {
  // Every fixture under testdata/ must be rejected.
  const fixtures = files([join(here, 'testdata')]);
  let failed = fixtures.length === 0;
  for (const bad of fixtures) {
    const found = lintFile(bad);
    if (found.length === 0) {
      console.error(`self-test FAILED: ${relative(process.cwd(), bad)} was accepted`);
      failed = true;
      continue;
    }
    for (const f of found) console.log(`(expected) ${f}`);
    console.log(`self-test ok: ${relative(process.cwd(), bad)} rejected with ${found.length} findings`);
  }
  process.exit(failed ? 1 : 0);
}
const targets = args.length > 0 ? args : [join(repo, 'migrations', 'neo4j'), join(repo, 'internal', 'neo4jstore', 'queries')];
let count = 0;
let bad = 0;
for (const f of files(targets)) {
  count++;
  const found = lintFile(f);
  for (const line of found) console.log(line);
  bad += found.length;
}
if (count === 0) {
  console.error('cypher-lint: no .cypher files found');
  process.exit(1);
}
console.log(`cypher-lint: ${count} files, ${bad} findings`);
process.exit(bad > 0 ? 1 : 0);
