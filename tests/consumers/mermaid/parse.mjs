// Parses a Mermaid file with mermaid's own parser (under node, jsdom standing in for the
// browser) and prints what it read as JSON: {"type", "vertices": {id: label}, "edges":
// [[from, to, label]]}. Labels are decoded back to plain text: Mermaid entity codes
// (#quot;, #35;, ...) to characters and <br> to a line feed. Exits non-zero, with
// mermaid's message on stderr, when mermaid rejects the diagram.
//
// Usage: node parse.mjs FILE.mmd
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false });

// Mermaid replaces #name; and #123; with these placeholders before parsing.
const NAMED = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
function decode(text) {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/ﬂ°(\w+)¶ß/g, (m, name) => NAMED[name] ?? m)
    .replace(/<br\s*\/?>/g, '\n');
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node parse.mjs FILE.mmd');
  process.exit(2);
}
const text = readFileSync(file, 'utf8');
try {
  const parsed = await mermaid.parse(text);
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  const vertices = {};
  for (const [id, v] of diagram.db.getVertices()) vertices[id] = decode(v.text);
  const edges = diagram.db.getEdges().map((e) => [e.start, e.end, decode(e.text)]);
  console.log(JSON.stringify({ type: parsed.diagramType, vertices, edges }));
} catch (e) {
  console.error(`mermaid rejected ${file}: ${e.message ?? e}`);
  process.exit(1);
}
