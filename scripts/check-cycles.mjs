#!/usr/bin/env node
// No import cycles: reads every .ts/.tsx file of the packages' src (and the server's tests, the benches),
// follows their relative and workspace (@ducha/*) imports — `import`, `import type`, `export … from`,
// dynamic `import('…')` — and reports each strongly connected component (Tarjan) as import chains.
// Type-only imports count: a type cycle is still two modules that cannot be understood apart.
// Plain Node, no dependencies. Exit code 1 when there is any cycle.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const roots = ['packages/server/test', 'bench'];
for (const p of readdirSync(join(root, 'packages'))) roots.push(`packages/${p}/src`);

/** Every .ts/.tsx file below `dir` (no node_modules, no declaration files). */
function walk(dir, out) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const files = roots.flatMap((r) => walk(join(root, r), []));
const fileSet = new Set(files);

/** Workspace packages by name → the file their "." export points at. */
const workspaces = new Map();
for (const p of readdirSync(join(root, 'packages'))) {
  const pkgPath = join(root, 'packages', p, 'package.json');
  if (!existsSync(pkgPath)) continue;
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
  const entry = typeof pkg.exports === 'string' ? pkg.exports : (pkg.exports?.['.'] ?? pkg.main);
  if (pkg.name && typeof entry === 'string') workspaces.set(pkg.name, join(root, 'packages', p, entry));
}

const keywordsBeforeRegex = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
  'instanceof',
]);

/**
 * The source with comments blanked and every string literal replaced by `'#<n>'` (its text in
 * `strings[n]`), template literals by an empty template: what is left is code, so an `import` inside a
 * comment or a string is not taken for one.
 */
function lex(src) {
  const strings = [];
  let out = '';
  let i = 0;
  const templateDepth = []; // brace depth at which each open `${` resumes its template
  let braces = 0;
  let last = ''; // last significant code character or word, to tell a regex from a division
  const n = src.length;
  const readTemplate = () => {
    // from just after ` or } (of a ${ }) up to the closing ` or the next ${
    while (i < n) {
      const c = src[i];
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        out += '``';
        last = '`';
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        out += '`${';
        templateDepth.push(braces);
        braces++;
        last = '{';
        return;
      } else i++;
    }
  };
  while (i < n) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') {
          text += src[j + 1] ?? '';
          j += 2;
        } else text += src[j++];
      }
      out += `'#${strings.length}'`;
      strings.push(text);
      i = j + 1;
      last = "'";
    } else if (c === '`') {
      i++;
      readTemplate();
    } else if (c === '/') {
      const regex = last === '' || /[(,=:[!&|?{};+\-*%>~^]/.test(last) || keywordsBeforeRegex.has(last);
      if (regex) {
        let j = i + 1;
        let inClass = false;
        while (j < n && src[j] !== '\n') {
          if (src[j] === '\\') j++;
          else if (src[j] === '[') inClass = true;
          else if (src[j] === ']') inClass = false;
          else if (src[j] === '/' && !inClass) break;
          j++;
        }
        i = j + 1;
        while (i < n && /[a-z]/i.test(src[i])) i++;
        out += '/r/';
        last = 'r';
      } else {
        out += c;
        i++;
        last = c;
      }
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i;
      while (j < n && /[\w$]/.test(src[j])) j++;
      last = src.slice(i, j);
      out += last;
      i = j;
    } else {
      if (c === '{') braces++;
      else if (c === '}') {
        braces--;
        if (templateDepth.length && templateDepth[templateDepth.length - 1] === braces) {
          templateDepth.pop();
          out += '}';
          i++;
          readTemplate();
          continue;
        }
      }
      if (!/\s/.test(c)) last = c;
      out += c;
      i++;
    }
  }
  return { code: out, strings };
}

/** The module specifiers a file imports, each with whether the import is for types only. */
function importsOf(src) {
  const { code, strings } = lex(src);
  const found = [];
  const str = (m) => strings[Number(m)];
  // import … from '…', import type … from '…', export … from '…', export type … from '…'
  const fromRe = /(?<![\w$.])(import|export)\s+(type\s+)?(?:[\w$*{}\s,]|'#\d+')*?\bfrom\s*'#(\d+)'/g;
  for (const m of code.matchAll(fromRe)) found.push({ spec: str(m[3]), typeOnly: !!m[2] });
  // import '…' (side effects)
  for (const m of code.matchAll(/(?<![\w$.])import\s*'#(\d+)'/g))
    found.push({ spec: str(m[1]), typeOnly: false });
  // import('…'), also typeof import('…') in types
  for (const m of code.matchAll(/(?<![\w$.])(typeof\s+)?import\s*\(\s*'#(\d+)'/g))
    found.push({ spec: str(m[2]), typeOnly: !!m[1] });
  return found;
}

/** The scanned file a specifier names, or null (a package, a stylesheet, a file outside the scan). */
function resolveSpec(from, spec) {
  let base;
  if (spec.startsWith('./') || spec.startsWith('../')) base = resolve(dirname(from), spec);
  else {
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
    const entry = workspaces.get(name);
    if (!entry) return null;
    const sub = spec.slice(name.length);
    base = sub ? join(dirname(entry), sub) : entry;
  }
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.jsx$/, '.tsx'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((c) => fileSet.has(c)) ?? null;
}

/** file → Map(target → typeOnly: true when every import of that target is `import type`). */
const graph = new Map();
const unresolved = [];
for (const file of files) {
  const edges = new Map();
  for (const { spec, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
    const target = resolveSpec(file, spec);
    if (!target) {
      const relativeSpec = spec.startsWith('./') || spec.startsWith('../');
      if (relativeSpec && /\.tsx?$/.test(spec)) unresolved.push(`${rel(file)}: '${spec}'`);
      continue;
    }
    edges.set(target, (edges.get(target) ?? true) && typeOnly);
  }
  graph.set(file, edges);
}

function rel(f) {
  return relative(root, f).split(sep).join('/');
}

/** Tarjan's strongly connected components, iteratively (no recursion limit). */
function tarjan() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const sccs = [];
  for (const start of files) {
    if (idx.has(start)) continue;
    const work = [[start, [...graph.get(start).keys()], 0]];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, next] = frame;
      if (frame[2] < next.length) {
        const w = next[frame[2]++];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push([w, [...graph.get(w).keys()], 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === idx.get(v)) {
        const scc = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || graph.get(v).has(v)) sccs.push(scc.sort());
      }
    }
  }
  return sccs;
}

/** The shortest cycle through `start` staying inside `members` (BFS), as a list of files. */
function shortestCycle(start, members) {
  const prev = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const v = queue.shift();
    for (const w of graph.get(v).keys()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [];
        for (let x = v; x !== null; x = prev.get(x)) path.unshift(x);
        return path;
      }
      if (!prev.has(w)) {
        prev.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

if (unresolved.length) {
  console.error(`Imports that name no file (left out of the check):\n  ${unresolved.join('\n  ')}`);
}

const sccs = tarjan();
if (!sccs.length) {
  console.log(`No import cycles among ${files.length} files.`);
  process.exit(0);
}

console.error(`Import cycles: ${sccs.length} group(s) of modules that import each other.\n`);
for (const [k, scc] of sccs.entries()) {
  const members = new Set(scc);
  console.error(`${k + 1}. ${scc.length} modules: ${scc.map(rel).join(', ')}`);
  // one chain through each member, the same cycle printed once whichever member it starts from
  const seen = new Set();
  for (const file of scc) {
    const cycle = shortestCycle(file, members);
    const first = cycle.indexOf([...cycle].sort()[0]);
    const canonical = [...cycle.slice(first), ...cycle.slice(0, first)];
    const key = canonical.join('\n');
    if (seen.has(key)) continue;
    seen.add(key);
    const chain = [...canonical, canonical[0]]
      .map((f, i, all) => {
        if (i === 0) return rel(f);
        return `${graph.get(all[i - 1]).get(f) ? ' -(type)-> ' : ' -> '}${rel(f)}`;
      })
      .join('');
    console.error(`   ${chain}`);
  }
  console.error('');
}
process.exit(1);
