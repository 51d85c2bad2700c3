// ESLint plugin of this repository: the top-level folders of src/ are layers, and imports only go down.
//
//   base → stats → config → readers → core → render → gate → github → action | cli
//
// `layers/imports-go-down` reports an import of a folder that is not below the importing one (action and cli are
// both at the top and may not import each other); `layers/no-cycle` reports an import that closes a cycle between
// modules, type-only imports included, with the cycle spelled out. The graph is read from the files on disk, the
// file being linted from its current text.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const LAYERS = ['base', 'stats', 'config', 'readers', 'core', 'render', 'gate', 'github', ['action', 'cli']];

const RANK = new Map(LAYERS.flatMap((l, i) => (Array.isArray(l) ? l : [l]).map((name) => [name, i])));

/** The src/ folder a file lives in and its layer, or null outside src/. */
function place(file) {
  const parts = file.split(path.sep);
  const i = parts.lastIndexOf('src');
  if (i < 0 || i === parts.length - 1) return null;
  const src = parts.slice(0, i + 1).join(path.sep);
  return { src, layer: parts.length - i > 2 ? parts[i + 1] : null };
}

/** The file a relative specifier names (`./x.js` is the source `./x.ts`), or null for a package. */
function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const target = path.resolve(path.dirname(from), spec);
  return target.endsWith('.js') ? `${target.slice(0, -3)}.ts` : target;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function importsIn(file, text) {
  const out = [];
  for (const m of text.matchAll(IMPORT)) {
    const target = resolve(file, m[1] ?? m[2]);
    if (target) out.push(target);
  }
  return out;
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path.join(dir, e.name)] : []
  );
}

/** A path from `from` to `to` in the graph (breadth first, so the shortest), or null. */
function pathBetween(graph, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift();
    if (at === to) {
      const out = [];
      for (let n = at; n !== null; n = previous.get(n)) out.unshift(n);
      return out;
    }
    for (const next of graph.get(at) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

function sourceOf(node) {
  if (node.type === 'ImportExpression') return node.source.type === 'Literal' ? node.source : null;
  return node.source ?? null;
}

function visitImports(check) {
  const visit = (node) => {
    const source = sourceOf(node);
    if (source && typeof source.value === 'string') check(node, source.value);
  };
  return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
}

const importsGoDown = {
  meta: {
    type: 'problem',
    docs: { description: 'A module imports only from its own layer folder or a layer below it.' },
    schema: [],
    messages: {
      up: '{{from}} may not import {{target}}: imports go down the layers (base → stats → config → readers → core → render → gate → github → action | cli); move what both need into {{to}} or lower.',
      outside: '{{file}} is not inside a layer folder of src/ ({{layers}}); move it into the layer it belongs to.'
    }
  },
  create(context) {
    const here = place(context.filename);
    if (!here) return {};
    if (here.layer === null || !RANK.has(here.layer)) {
      return {
        Program(node) {
          context.report({ node, messageId: 'outside', data: { file: path.relative(path.dirname(here.src), context.filename), layers: [...RANK.keys()].join(', ') } });
        }
      };
    }
    return visitImports((node, spec) => {
      const target = resolve(context.filename, spec);
      if (!target) return;
      const there = place(target);
      if (!there || there.src !== here.src || there.layer === null || there.layer === here.layer) return;
      const ok = RANK.has(there.layer) && RANK.get(there.layer) < RANK.get(here.layer);
      if (!ok) {
        context.report({
          node,
          messageId: 'up',
          data: { from: `${here.layer}/`, target: `${there.layer}/ (${spec})`, to: `${here.layer}/` }
        });
      }
    });
  }
};

const graphs = new Map();

/** The import graph of a src/ folder, read once per lint run. */
function graphOf(src) {
  let graph = graphs.get(src);
  if (!graph) {
    graph = new Map(walk(src).map((f) => [f, importsIn(f, readFileSync(f, 'utf8'))]));
    graphs.set(src, graph);
  }
  return graph;
}

const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle between the modules of src/.' },
    schema: [],
    messages: { cycle: 'this import closes a cycle: {{cycle}}; move what the modules share into a module both import.' }
  },
  create(context) {
    const here = place(context.filename);
    if (!here || here.layer === null) return {};
    const disk = graphOf(here.src);
    // The linted text may differ from the file on disk (an editor, lintText): use it for this file.
    const graph = new Map(disk);
    graph.set(context.filename, importsIn(context.filename, context.sourceCode.text));
    const rel = (f) => path.relative(here.src, f);
    return visitImports((node, spec) => {
      const target = resolve(context.filename, spec);
      if (!target || !graph.has(target)) return;
      const back = pathBetween(graph, target, context.filename);
      if (back) context.report({ node, messageId: 'cycle', data: { cycle: [context.filename, ...back].map(rel).join(' → ') } });
    });
  }
};

export default { meta: { name: 'layers' }, rules: { 'imports-go-down': importsGoDown, 'no-cycle': noCycle } };
