// @ts-check
// What a heap snapshot holds that an earlier one of the SAME process did not:
// objects whose snapshot id is new in <after>, grouped by kind and constructor,
// with the retainers of the largest groups, beside what was freed since <before>
// (V8 replaces compiled code, so new code alone is not growth: read the net).
// Embedder (native, synthetic) nodes are left out: they are re-made for each
// snapshot and are not V8 heap. Used with
// `LOAD_HEAP_SNAPSHOTS=<dir> pnpm --filter @phala/cloud-bench load`.
// Run: node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]
import { readFileSync } from "node:fs";

const [beforeFile, afterFile, rowsArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error(
    "usage: node bench/heap-diff.mjs <before.heapsnapshot> <after.heapsnapshot> [rows]",
  );
  process.exit(2);
}
const ROWS = Number(rowsArg ?? 20);

/** @param {string} file */
function read(file) {
  const snapshot = JSON.parse(readFileSync(file, "utf8"));
  const meta = snapshot.snapshot.meta;
  const fields = meta.node_fields;
  return {
    nodes: /** @type {number[]} */ (snapshot.nodes),
    edges: /** @type {number[]} */ (snapshot.edges),
    strings: /** @type {string[]} */ (snapshot.strings),
    nodeTypes: /** @type {string[]} */ (meta.node_types[0]),
    edgeTypes: /** @type {string[]} */ (meta.edge_types[0]),
    width: fields.length,
    edgeWidth: meta.edge_fields.length,
    type: fields.indexOf("type"),
    name: fields.indexOf("name"),
    id: fields.indexOf("id"),
    size: fields.indexOf("self_size"),
    edgeCount: fields.indexOf("edge_count"),
  };
}

/** @param {ReturnType<typeof read>} s @param {number} node index of the node's first field */
function kindOf(s, node) {
  const type = s.nodeTypes[s.nodes[node + s.type]];
  if (/string/.test(type)) return "string";
  if (type === "code" || type === "number" || type === "hidden") return `(${type})`;
  return `${type} ${s.strings[s.nodes[node + s.name]].slice(0, 60)}`;
}

/** @param {ReturnType<typeof read>} s @param {number} node */
const isHeap = (s, node) => !/native|synthetic/.test(s.nodeTypes[s.nodes[node + s.type]]);
/** @param {ReturnType<typeof read>} s */
const ids = (s) => {
  const set = new Set();
  for (let i = 0; i < s.nodes.length; i += s.width) set.add(s.nodes[i + s.id]);
  return set;
};

const before = read(beforeFile);
const after = read(afterFile);
const inBefore = ids(before);
const inAfter = ids(after);

/** @type {Map<string, { count: number, bytes: number, freed: number, nodes: number[] }>} */
const groups = new Map();
/** @param {string} kind */
const groupOf = (kind) => {
  const group = groups.get(kind) ?? { count: 0, bytes: 0, freed: 0, nodes: [] };
  groups.set(kind, group);
  return group;
};
let total = 0;
let freed = 0;
for (let i = 0; i < after.nodes.length; i += after.width) {
  if (inBefore.has(after.nodes[i + after.id]) || !isHeap(after, i)) continue;
  const group = groupOf(kindOf(after, i));
  group.count++;
  group.bytes += after.nodes[i + after.size];
  if (group.nodes.length < 5000) group.nodes.push(i);
  total += after.nodes[i + after.size];
}
for (let i = 0; i < before.nodes.length; i += before.width) {
  if (inAfter.has(before.nodes[i + before.id]) || !isHeap(before, i)) continue;
  groupOf(kindOf(before, i)).freed += before.nodes[i + before.size];
  freed += before.nodes[i + before.size];
}

// Retainers: who points (strongly) at each new node.
/** @type {Map<number, string[]>} */
const retainers = new Map();
for (let i = 0, edge = 0; i < after.nodes.length; i += after.width) {
  const end = edge + after.nodes[i + after.edgeCount] * after.edgeWidth;
  for (; edge < end; edge += after.edgeWidth) {
    const edgeType = after.edgeTypes[after.edges[edge]];
    if (edgeType === "weak") continue;
    const to = after.edges[edge + 2];
    const label =
      edgeType === "element" || edgeType === "hidden"
        ? "[]"
        : `.${String(after.strings[after.edges[edge + 1]]).slice(0, 40)}`;
    const list = retainers.get(to) ?? [];
    if (list.length < 4) list.push(`${kindOf(after, i)} ${label}`);
    retainers.set(to, list);
  }
}

const mib = (/** @type {number} */ bytes) => `${(bytes / 2 ** 20).toFixed(3)} MiB`;
console.log(
  `${afterFile} against ${beforeFile}: ${mib(total)} new, ${mib(freed)} freed, net ${mib(total - freed)}`,
);
console.log("  new B  count   freed B    net B  kind  <- retained by (new objects)");
const sorted = [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, ROWS);
for (const [kind, group] of sorted) {
  /** @type {Map<string, number>} */
  const by = new Map();
  for (const node of group.nodes) {
    for (const r of new Set(retainers.get(node) ?? [])) by.set(r, (by.get(r) ?? 0) + 1);
  }
  const top = [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([r, n]) => `${n}x ${r}`)
    .join("; ");
  console.log(
    `${String(group.bytes).padStart(7)} ${String(group.count).padStart(6)} ${String(group.freed).padStart(9)} ${String(group.bytes - group.freed).padStart(8)}  ${kind}  <- ${top}`,
  );
}
