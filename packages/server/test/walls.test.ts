/**
 * The module walls (docs/architecture.md, "Who owns which table"): every table has one owner, a
 * module's source names only the tables it owns, a module reaches another only through that
 * module's `index.ts`, and the platform imports no module. The ownership map is read from the
 * architecture page itself, so the page and the code cannot drift apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const src = path.join(root, 'src');
const doc = fs.readFileSync(path.resolve(root, '../../docs/architecture.md'), 'utf8');

/** owner → tables, from the map's rows: | owner | `t1`, `t2` | … | */
function ownershipMap(): Map<string, string[]> {
  const section = doc.split('<!-- ownership map -->')[1]?.split('<!-- /ownership map -->')[0];
  if (!section) throw new Error('docs/architecture.md has no ownership map');
  const map = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !/^`[a-z]+`$/.test(cells[1]!)) continue;
    const owner = cells[1]!.replaceAll('`', '');
    map.set(
      owner,
      [...cells[2]!.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!),
    );
  }
  return map;
}

/** Every table of the Kysely `Database` interface. */
function allTables(): string[] {
  const types = fs.readFileSync(path.join(src, 'db/types.ts'), 'utf8');
  const body = types.split('export interface Database {')[1]!.split('}')[0]!;
  return [...body.matchAll(/^\s+(\w+):/gm)].map((m) => m[1]!);
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Demo data loaders write every module's tables in bulk for speed: the one listed exemption. */
const exempt = (rel: string) => /(^|\/)(demo-[\w-]+|seed|demo)\.ts$/.test(rel);

/** Which owner a source file belongs to: its module, the platform, or the shell (no tables). */
function ownerOf(rel: string): string {
  const m = /^modules\/([a-z]+)\//.exec(rel);
  if (m) return m[1]!;
  if (rel.startsWith('platform/')) return 'platform';
  if (rel.startsWith('db/')) return 'db';
  return 'shell';
}

const stripComments = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The tables a source text names: Kysely table arguments and table positions in raw SQL. */
function tablesNamed(text: string, tables: string[]): string[] {
  const names = tables.join('|');
  const kysely = new RegExp(
    String.raw`\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|with|table|insertJson)\(\s*(?:trx|db|[a-z]+,\s*)?['"\x60](${names})(?:\s+as\s+\w+)?['"\x60]`,
    'g',
  );
  const raw = new RegExp(String.raw`\b(?:from|join|into|update|table|exists)\s+(${names})\b(?!\.)`, 'g');
  const owned = new RegExp(String.raw`\btable:\s*['"](${names})['"]`, 'g');
  const found = new Set<string>();
  for (const re of [kysely, raw, owned]) for (const m of text.matchAll(re)) found.add(m[1]!);
  return [...found];
}

const files = walk(src)
  .filter((f) => !f.endsWith('.test.ts'))
  .map((f) => ({ rel: path.relative(src, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') }));

describe('module walls', () => {
  const map = ownershipMap();
  const tables = allTables();

  it('the map gives every table exactly one owner', () => {
    const owners = new Map<string, string[]>();
    for (const [owner, ts] of map) for (const t of ts) owners.set(t, [...(owners.get(t) ?? []), owner]);
    expect(tables.filter((t) => owners.get(t)?.length !== 1)).toEqual([]);
    expect([...owners.keys()].filter((t) => !tables.includes(t))).toEqual([]);
    expect(tables.length).toBeGreaterThan(30);
  });

  it('finds a table named in Kysely calls and raw SQL, not in columns or comments', () => {
    const t = ['items', 'units', 'projects'];
    expect(tablesNamed(`db.selectFrom('units as u')`, t)).toEqual(['units']);
    expect(tablesNamed('sql`select 1 from projects p join units u on true`', t).sort()).toEqual([
      'projects',
      'units',
    ]);
    expect(tablesNamed(`select(['id', 'name', 'items'])`, t)).toEqual([]);
    expect(tablesNamed(stripComments(`// reads from projects\nconst a = 1;`), t)).toEqual([]);
    expect(tablesNamed(`p.items.length; items.id`, t)).toEqual([]);
  });

  it('no module, platform file or shell names a table it does not own (demo loaders exempt)', () => {
    const breaches: string[] = [];
    for (const f of files) {
      const owner = ownerOf(f.rel);
      if (owner === 'db' || exempt(f.rel)) continue;
      const mine = map.get(owner) ?? [];
      for (const t of tablesNamed(stripComments(f.text), tables))
        if (!mine.includes(t)) breaches.push(`${f.rel} names ${t}`);
    }
    expect(breaches).toEqual([]);
  });

  it('every module has its door, index.ts', () => {
    const modules = fs.readdirSync(path.join(src, 'modules'));
    expect(modules.filter((m) => !fs.existsSync(path.join(src, 'modules', m, 'index.ts')))).toEqual([]);
    expect([...map.keys()].filter((o) => o !== 'platform').sort()).toEqual([...modules].sort());
  });

  it('a module reaches another only through its index.ts, and the platform imports no module', () => {
    const entry = /^modules\/[a-z]+\/index\.ts$/;
    const routes = /^modules\/[a-z]+\/([\w/-]*)routes\.ts$/;
    const breaches: string[] = [];
    for (const f of files) {
      if (exempt(f.rel)) continue;
      const owner = ownerOf(f.rel);
      for (const m of f.text.matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(f.rel), m[1]!));
        const to = ownerOf(target);
        if (owner === 'platform' && target.startsWith('modules/')) breaches.push(`${f.rel} → ${target}`);
        if (!target.startsWith('modules/') || to === owner) continue;
        // the shell (app.ts, cli.ts, main.ts) also registers a module's routes and runs its seed
        const door = entry.test(target) || (owner === 'shell' && (routes.test(target) || exempt(target)));
        if (!door) breaches.push(`${f.rel} → ${target}`);
      }
    }
    expect(breaches).toEqual([]);
  });
});
