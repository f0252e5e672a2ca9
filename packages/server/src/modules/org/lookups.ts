/**
 * What other modules read of the organisation: names beside their rows (SQL expressions, evaluated
 * for the rows a page shows), checks that referenced units, people and positions exist and are
 * active, and the lookup tables the importer and the month close load once.
 */
import { sql } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import { invalid } from '../../platform/errors.ts';
import { regionCodeUnder, regionParentOf } from '../../platform/regions.ts';

/** SQL: the name of the unit whose id is in `idColumn` (null when none). */
export const unitNameOf = (idColumn: string) =>
  sql<string | null>`(select name from units where id = ${sql.ref(idColumn)})`;

/** SQL: the name of the person whose id is in `idColumn`. */
export const personNameOf = (idColumn: string) =>
  sql<string | null>`(select name from people where id = ${sql.ref(idColumn)})`;

/** SQL: `{personId, name, title, unitName}` of the person whose id is in `idColumn` (null when none). */
export const personBriefOf = (idColumn: string) =>
  sql<{ personId: number; name: string; title: string | null; unitName: string | null } | null>`(select
    json_build_object('personId', pe.id, 'name', pe.name, 'title', pe.title,
      'unitName', (select u.name from units u where u.id = pe.unit_id))
    from people pe where pe.id = ${sql.ref(idColumn)})`;

/** SQL: the title of the position whose id is in `idColumn`. */
export const positionNameOf = (idColumn: string) =>
  sql<string | null>`(select name from positions where id = ${sql.ref(idColumn)})`;

/**
 * SQL: the name of the position's current holder (the open holding). Responsibility attaches to the
 * position (DOMAIN §2): a change of holder shows on every row at once.
 */
export const currentHolderNameOf = (positionColumn: string) =>
  sql<string | null>`(select pe.name from position_holdings h join people pe on pe.id = h.person_id
    where h.position_id = ${sql.ref(positionColumn)} and h.end_date is null limit 1)`;

/** SQL: `[{id, name}]` of the units whose ids the subquery `ids` yields, by id. */
export const unitsJson = (ids: ReturnType<typeof sql>) =>
  sql<{ id: number; name: string }[]>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name)
    order by u.id) from units u where u.id in (${ids})), '[]'::json)`;

/** SQL: `[{personId, name, duty}]` of a team: `rows` yields (person_id, duty). */
export const teamJson = (rows: ReturnType<typeof sql>) =>
  sql<{ personId: number; name: string; duty: string | null }[]>`coalesce((select json_agg(json_build_object(
    'personId', pe.id, 'name', pe.name, 'duty', t.duty) order by pe.id)
    from (${rows}) as t(person_id, duty) join people pe on pe.id = t.person_id), '[]'::json)`;

type Kind = 'units' | 'people' | 'positions';

/**
 * Throws 400 at `path` unless every id names an active unit, person or position. `message` is the
 * error wording; by default it lists the missing ids.
 */
export async function assertActive(
  db: Executor,
  kind: Kind,
  ids: readonly number[],
  path: string,
  message?: string,
): Promise<void> {
  if (!ids.length) return;
  const rows = await db.selectFrom(kind).select(['id', 'active']).where('id', 'in', ids).execute();
  const bad = ids.filter((id) => !rows.some((r) => r.id === id && r.active));
  if (bad.length) throw invalid(path, message ?? `记录不存在或已停用：${bad.join(', ')}`);
}

/** Does a position with this id exist (active or not)? */
export const positionExists = async (db: Executor, id: number) =>
  !!(await db.selectFrom('positions').select('id').where('id', '=', id).executeTakeFirst());

/** Names by id, loaded once for a month close's groupings. */
export async function orgNames(db: Executor) {
  const [units, positions] = await Promise.all([
    db.selectFrom('units').select(['id', 'name']).execute(),
    db.selectFrom('positions').select(['id', 'name']).execute(),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u.name])),
    positions: new Map(positions.map((p) => [p.id, p.name])),
  };
}

/** The active units, positions (with their unit) and people (with their unit): the importer's lookups. */
export async function activeOrg(db: Executor) {
  const [units, positions, people] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'short_name', 'region_code'])
      .where('active', '=', true)
      .orderBy('region_code')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('positions as p')
      .innerJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.name', 'u.name as unit_name'])
      .where('p.active', '=', true)
      .orderBy('u.name')
      .execute(),
    db
      .selectFrom('people as p')
      .leftJoin('units as u', 'u.id', 'p.unit_id')
      .select(['p.id', 'p.name', 'u.name as unit_name'])
      .where('p.active', '=', true)
      .execute(),
  ]);
  return { units, positions, people };
}

/** A unit's name, type, region and whether it is active (an enterprise entering a directory), or null. */
export const unitBrief = (db: Executor, id: number) =>
  db
    .selectFrom('units')
    .select(['id', 'name', 'type', 'region_code', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();

/** A unit's name, or null. */
export const unitName = async (db: Executor, id: number) =>
  (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;

/**
 * The active units of a region subtree (`path`), optionally of some types, by name, with their
 * region's parent code: an assessment
 * scheme's default ranking groups are built from them.
 */
export const unitsOfRegion = (db: Executor, path: string, types?: readonly string[]) =>
  db
    .selectFrom('units')
    .select(['id', 'name', 'type', 'region_code'])
    .select(regionParentOf('units.region_code').as('region_parent'))
    .where('active', '=', true)
    .where(regionCodeUnder('region_code', path))
    .$if(!!types?.length, (q) => q.where('type', 'in', types as string[]))
    .orderBy('name')
    .orderBy('id')
    .execute();

/** The units among `ids` that exist and are active (an assessment group's members are checked). */
export const activeUnitIds = async (db: Executor, ids: readonly number[]) =>
  ids.length === 0
    ? new Set<number>()
    : new Set(
        (
          await db
            .selectFrom('units')
            .select('id')
            .where('id', 'in', [...ids])
            .where('active', '=', true)
            .execute()
        ).map((r) => r.id),
      );
