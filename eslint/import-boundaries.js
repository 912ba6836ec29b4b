// Import boundaries for src/: app → features → components/api/lib, a feature reaches another only through that
// feature's index.ts, and no module imports itself through a cycle. Written here because the project has no
// import plugin (eslint-plugin-import is not a dependency); relative imports are all the app uses.
import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

const SRC = resolve(import.meta.dirname, '..', 'src');

/** Which layer a file of src/ belongs to: app, feature:<name>, components, api, lib, testing, or null. */
function layerOf(file) {
  const path = relative(SRC, file).split(sep);
  if (path[0] === '..' || path.length < 2) return null;
  if (path[0] === 'features') return path.length > 2 ? `feature:${path[1]}` : null;
  return path[0];
}

const LOWER = new Set(['components', 'api', 'lib', 'outbox', 'replica']);

const isFile = (path) => statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;

// How Vite and TypeScript find a relative import: the file as written, then with an extension, then a folder's
// index. A `.js` written for a `.ts` file counts too. Returns the path as written when nothing is found.
const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs'];
function resolveImport(fromFile, source) {
  const path = resolve(dirname(fromFile), source);
  if (isFile(path)) return path;
  const candidates = [
    ...EXTENSIONS.map((extension) => path + extension),
    ...EXTENSIONS.map((extension) => resolve(path, `index${extension}`)),
  ];
  if (/\.[cm]?jsx?$/.test(path)) {
    const stem = path.replace(/\.[cm]?jsx?$/, '');
    candidates.unshift(`${stem}.ts`, `${stem}.tsx`);
  }
  return candidates.find(isFile) ?? path;
}

function importedFiles(node, source, filename) {
  if (typeof source !== 'string' || !source.startsWith('.')) return null;
  return resolveImport(filename, source);
}

const named = (layer) => (layer.startsWith('feature:') ? `features/${layer.slice(8)}` : layer);

/** The layer rule for one import, or null when it is allowed. */
function violation(from, to, target) {
  if (!from || !to || from === to) return null;
  if (from === 'testing' || from === 'app') return null;
  if (to === 'app')
    return `${named(from)}/ may not import from app/: app → features → components/api/lib`;
  if (LOWER.has(from) && to.startsWith('feature:'))
    return `${from}/ may not import from a feature (${to.slice(8)}): app → features → components/api/lib`;
  if (LOWER.has(from) && to === 'testing') return `${from}/ may not import test helpers`;
  if (from.startsWith('feature:') && to.startsWith('feature:')) {
    const feature = to.slice(8);
    if (target !== resolve(SRC, 'features', feature, 'index.ts'))
      return `a feature may use another (${feature}) only through features/${feature}/index.ts`;
  }
  return null;
}

const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Layered imports in src/: app → features → components/api/lib' },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const from = layerOf(filename);
    const check = (node, source) => {
      const target = importedFiles(node, source, filename);
      if (!target) return;
      const message = violation(from, layerOf(target), target);
      if (message) context.report({ node, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

// Static, value imports of a file (type-only imports and dynamic import() cannot form a load-time cycle).
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
const importsCache = new Map();
function staticImports(file) {
  let imports = importsCache.get(file);
  if (imports) return imports;
  imports = [];
  if (isFile(file)) {
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]);
      if (isFile(target)) imports.push(target);
    }
  }
  importsCache.set(file, imports);
  return imports;
}

/** The shortest chain of static imports from `start` back to itself, or null. */
function cycleThrough(start) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    for (const next of staticImports(file)) {
      if (next === start) {
        const chain = [start];
        for (let at = file; at !== null && at !== start; at = previous.get(at))
          chain.splice(1, 0, at);
        return [...chain, start];
      }
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

const noCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'No module of src/ imports itself through a chain of static imports' },
    schema: [],
  },
  create(context) {
    return {
      Program(node) {
        // A file being edited is read from the editor, not the disk.
        importsCache.delete(context.filename);
        const cycle = cycleThrough(context.filename);
        if (cycle)
          context.report({
            node,
            message: `Import cycle: ${cycle.map((file) => relative(SRC, file)).join(' → ')}`,
          });
      },
    };
  },
};

export default { rules: { 'import-boundaries': boundaries, 'no-import-cycles': noCycles } };
