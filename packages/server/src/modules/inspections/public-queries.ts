/**
 * The public pages' reads (一公开): only approved plans, published draws and inspections at their
 * formal report or later, and only what the public notice shows (no phone numbers, no accounts,
 * no drafts). Read straight from the module's tables; project names through the projects door.
 */
import {
  publicResultStatuses,
  rectificationLabels,
  type DrawDocument,
  type PublicDraw,
  type PublicPlan,
  type PublicPlanSummary,
  type PublicResult,
} from '@ducha/contract';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { notFound } from '../../platform/errors.ts';
import { totalOf } from '../../platform/records.ts';
import { regionNameOf } from '../../platform/regions.ts';
import { projectCodeOf, projectNameOf } from '../projects/index.ts';

interface Page {
  page: number;
  pageSize: number;
}
const iso = (d: Date | null) => (d ? d.toISOString() : null);

async function themesOf(db: Db, planIds: number[]) {
  if (!planIds.length) return [];
  return db
    .selectFrom('inspection_themes')
    .select(['id', 'plan_id', 'sort', 'name', 'description', 'quarter_counts'])
    .where('plan_id', 'in', planIds)
    .orderBy('plan_id')
    .orderBy('sort')
    .execute();
}

const approvedPlans = (db: Db) => db.selectFrom('inspection_plans as p').where('p.status', '=', 'approved');

export async function publicPlans(db: Db, q: Page) {
  const total = await totalOf(db, approvedPlans(db));
  const rows = await approvedPlans(db)
    .select(['p.id', 'p.region_code', 'p.year', 'p.title', 'p.notes', 'p.approved_at'])
    .select(regionNameOf('p.region_code').as('region_name'))
    .orderBy('p.year', 'desc')
    .orderBy('p.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const themes = await themesOf(
    db,
    rows.map((r) => r.id),
  );
  const items: PublicPlanSummary[] = rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    year: r.year,
    title: r.title,
    approvedAt: iso(r.approved_at),
    themes: themes
      .filter((t) => t.plan_id === r.id)
      .map((t) => ({
        id: t.id,
        sort: t.sort,
        name: t.name,
        description: t.description,
        quarterCounts: t.quarter_counts,
      })),
  }));
  return { items, total: total.total };
}

export async function publicPlan(db: Db, id: number): Promise<PublicPlan> {
  const r = await approvedPlans(db)
    .select(['p.id', 'p.region_code', 'p.year', 'p.title', 'p.notes', 'p.approved_at'])
    .select(regionNameOf('p.region_code').as('region_name'))
    .where('p.id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound();
  const [themes, items] = await Promise.all([
    themesOf(db, [id]),
    db.selectFrom('inspection_check_items').selectAll().where('plan_id', '=', id).orderBy('sort').execute(),
  ]);
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    year: r.year,
    title: r.title,
    notes: r.notes,
    approvedAt: iso(r.approved_at),
    themes: themes.map((t) => ({
      id: t.id,
      sort: t.sort,
      name: t.name,
      description: t.description,
      quarterCounts: t.quarter_counts,
    })),
    checkItems: items.map((c) => ({
      id: c.id,
      themeId: c.theme_id,
      sort: c.sort,
      category: c.category,
      content: c.content,
      basis: c.basis,
    })),
  };
}

const publishedDraws = (db: Db) =>
  db
    .selectFrom('inspection_draws as d')
    .innerJoin('inspection_plans as p', 'p.id', 'd.plan_id')
    .where('d.status', 'in', ['published', 'drawn']);

const drawColumns = (db: Db) =>
  publishedDraws(db)
    .select(['d.id', 'd.title', 'd.status', 'd.pool_sha256', 'd.published_at', 'd.drawn_at', 'p.year'])
    .select(regionNameOf('d.region_code').as('region_name'));

type DrawCols = Awaited<ReturnType<ReturnType<typeof drawColumns>['executeTakeFirstOrThrow']>>;
const drawSummary = (r: DrawCols) => ({
  id: r.id,
  title: r.title,
  regionName: r.region_name,
  planYear: r.year,
  status: r.status,
  poolSha256: r.pool_sha256,
  publishedAt: iso(r.published_at),
  drawnAt: iso(r.drawn_at),
});

export async function publicDraws(db: Db, q: Page) {
  const total = await totalOf(db, publishedDraws(db));
  const rows = await drawColumns(db)
    .orderBy('d.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items: rows.map(drawSummary), total: total.total };
}

export async function publicDraw(db: Db, id: number): Promise<PublicDraw> {
  const r = await drawColumns(db).select('d.document').where('d.id', '=', id).executeTakeFirst();
  if (!r?.document) throw notFound();
  return { ...drawSummary(r), document: r.document as DrawDocument };
}

const results = (db: Db) =>
  db.selectFrom('inspections as i').where('i.status', 'in', [...publicResultStatuses]);

export async function publicResults(db: Db, q: Page) {
  const total = await totalOf(db, results(db));
  const rows = await results(db)
    .leftJoin('inspection_themes as t', 't.id', 'i.theme_id')
    .select([
      'i.id',
      'i.code',
      'i.status',
      'i.site_on',
      'i.notice_on',
      'i.rectification_due',
      'i.archived_on',
    ])
    .select(['t.name as theme_name', regionNameOf('i.region_code').as('region_name')])
    .select([
      projectCodeOf('i.project_id').as('project_code'),
      projectNameOf('i.project_id').as('project_name'),
    ])
    .select([
      sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = i.id and f.kind = 'problem')`.as(
        'problems',
      ),
      sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = i.id and f.kind = 'suggestion')`.as(
        'suggestions',
      ),
      sql<string | null>`(select body->>'summary' from inspection_documents d where d.inspection_id = i.id
        and d.kind in ('results', 'formal_report') order by (d.kind = 'results') desc, d.id desc limit 1)`.as(
        'summary',
      ),
    ])
    .orderBy('i.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const items: PublicResult[] = rows.map((r) => {
    const status = r.status as PublicResult['status'];
    return {
      id: r.id,
      code: r.code,
      regionName: r.region_name,
      projectCode: r.project_code,
      projectName: r.project_name,
      themeName: r.theme_name,
      siteOn: r.site_on,
      noticeOn: r.notice_on,
      rectificationDue: r.rectification_due,
      archivedOn: r.archived_on,
      problems: Number(r.problems),
      suggestions: Number(r.suggestions),
      status,
      rectification: rectificationLabels[status],
      summary: r.summary,
    };
  });
  return { items, total: total.total };
}
