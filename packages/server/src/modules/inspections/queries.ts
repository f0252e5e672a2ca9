/**
 * Reads of the procedure: the list of inspections in the actor's scope (the policy's rule as SQL),
 * and one inspection's page in one statement — the inspection, its members with their sign-offs,
 * findings with their rectification items' live status, documents and attachments — with the steps
 * the actor may take now.
 */
import type { DocumentKind, InspectionDetail, inspectionQuery } from '@ducha/contract';
import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/types.ts';
import type { Executor } from '../../db/connection.ts';
import { actorOf, type Actor, type Ctx } from '../../platform/access/context.ts';
import { containing, paged } from '../../platform/records.ts';
import { regionCodeInScope, regionCodeUnderCode } from '../../platform/regions.ts';
import { todayInChina } from '../../platform/time.ts';
import { itemBriefOf } from '../items/index.ts';
import { unitNameOf } from '../org/index.ts';
import { projectIdsNamed, projectNameOf } from '../projects/index.ts';
import { noticeBy } from './rules.ts';
import { allowedActions, mayAddFinding } from './policy.ts';
import { inspectionFacts, readableInspection } from './inspection-repo.ts';

type EB = ExpressionBuilder<Database, 'inspections'>;

/** SQL: the inspection in `i` has the actor's expert or inspector account among its members. */
const memberOf = (a: Actor) =>
  a.role === 'expert'
    ? sql<SqlBool>`exists (select 1 from inspection_members m join inspection_experts e on e.id = m.expert_id
        where m.inspection_id = inspections.id and e.user_id = ${a.id})`
    : sql<SqlBool>`exists (select 1 from inspection_members m join inspectors s on s.id = m.inspector_id
        where m.inspection_id = inspections.id and s.user_id = ${a.id})`;

/** The scope of canReadInspection as a where clause. */
function inScope(a: Actor) {
  return (eb: EB) => {
    switch (a.role) {
      case 'admin':
        return eb.lit(true);
      case 'office':
      case 'leader':
        return regionCodeInScope(a, 'inspections.region_code');
      case 'unit':
        return eb('inspections.inspected_unit_id', '=', a.unitId ?? -1);
      case 'expert':
      case 'inspector':
        return memberOf(a);
      default:
        return eb.lit(false);
    }
  };
}

const summaryColumns = (eb: EB) =>
  [
    'inspections.id',
    'inspections.code',
    'inspections.kind',
    'inspections.status',
    'inspections.region_code',
    'inspections.project_id',
    'inspections.site_on',
    'inspections.opinion_due',
    'inspections.rectification_due',
    'inspections.version',
    projectNameOf('inspections.project_id').as('project_name'),
    unitNameOf('inspections.inspected_unit_id').as('inspected_unit'),
    eb
      .selectFrom('inspection_themes as t')
      .select('t.name')
      .whereRef('t.id', '=', 'inspections.theme_id')
      .as('theme_name'),
    sql<number>`(select count(*)::int from inspection_findings f where f.inspection_id = inspections.id
    and f.kind = 'problem' and f.withdrawn_at is null)`.as('problems'),
  ] as const;

type SummaryRow = {
  id: number;
  code: string;
  kind: string;
  status: string;
  region_code: string;
  project_id: number;
  site_on: string | null;
  opinion_due: string | null;
  rectification_due: string | null;
  version: number;
  project_name: string;
  inspected_unit: string | null;
  theme_name: string | null;
  problems: number;
};
const present = (r: SummaryRow) => ({
  id: r.id,
  code: r.code,
  kind: r.kind as 'special',
  status: r.status as 'planned',
  regionCode: r.region_code,
  projectId: r.project_id,
  projectName: r.project_name,
  themeName: r.theme_name,
  inspectedUnit: r.inspected_unit,
  siteOn: r.site_on,
  opinionDue: r.opinion_due,
  rectificationDue: r.rectification_due,
  problems: r.problems,
  version: r.version,
});

export async function listInspections(db: Executor, ctx: Ctx, q: z.infer<typeof inspectionQuery>) {
  const actor = actorOf(ctx);
  let base = db.selectFrom('inspections').where(inScope(actor));
  if (q.mine === 'true' && (actor.role === 'expert' || actor.role === 'inspector'))
    base = base.where(memberOf(actor));
  if (q.status) base = base.where('inspections.status', '=', q.status);
  if (q.themeId) base = base.where('inspections.theme_id', '=', q.themeId);
  if (q.year) base = base.where('inspections.code', 'like', `JC-${q.year}-%`);
  if (q.regionCode) base = base.where(regionCodeUnderCode('inspections.region_code', q.regionCode));
  if (q.q)
    base = base.where((eb) =>
      eb.or([
        eb('inspections.code', 'ilike', containing(q.q)),
        sql<SqlBool>`inspections.project_id in (${projectIdsNamed(q.q!)})`,
      ]),
    );
  return paged(db, base, (b) => b.select(summaryColumns).orderBy('inspections.id', 'desc'), {
    page: q.page,
    pageSize: q.pageSize,
    present: (r) => present(r as unknown as SummaryRow),
  });
}

/** One inspection's page (one statement for its parts), or 404/403. */
export async function inspectionDetail(db: Executor, actor: Actor, id: number): Promise<InspectionDetail> {
  const i = await readableInspection(db, actor, id);
  const today = todayInChina();
  const row = await db
    .selectFrom('inspections')
    .where('inspections.id', '=', id)
    .select(summaryColumns)
    .select([
      sql<InspectionDetail['members']>`coalesce((select json_agg(json_build_object('id', m.id, 'role', m.role,
        'name', coalesce(e.name, s.name), 'detail', coalesce(e.specialty || ' · ' || e.employer, s.role),
        'expertId', m.expert_id, 'inspectorId', m.inspector_id, 'signedAt', m.signed_at) order by m.id)
        from inspection_members m left join inspection_experts e on e.id = m.expert_id
        left join inspectors s on s.id = m.inspector_id where m.inspection_id = inspections.id), '[]')`.as(
        'members',
      ),
      sql<
        (Omit<InspectionDetail['findings'][number], 'withdrawn'> & { withdrawn: boolean })[]
      >`coalesce((select
        json_agg(json_build_object('id', f.id, 'kind', f.kind, 'sort', f.sort, 'category', f.category,
        'content', f.content, 'basis', f.basis, 'unitAgrees', f.unit_agrees, 'unitOpinion', f.unit_opinion,
        'answer', f.answer, 'withdrawn', f.withdrawn_at is not null, 'item', ${itemBriefOf('f.item_id', today)})
        order by f.sort) from inspection_findings f where f.inspection_id = inspections.id), '[]')`.as(
        'findings',
      ),
      sql<
        {
          id: number;
          kind: DocumentKind;
          number: string | null;
          title: string;
          summary: string | null;
          createdAt: string;
        }[]
      >`
        coalesce((select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'number', d.number,
        'title', coalesce(d.body->>'title', d.kind), 'summary', d.body->>'summary', 'createdAt', d.created_at)
        order by d.id) from inspection_documents d where d.inspection_id = inspections.id), '[]')`.as(
        'documents',
      ),
      sql<
        { id: number; name: string; size: number; type: string }[]
      >`coalesce((select json_agg(json_build_object(
        'id', a.id, 'name', a.name, 'size', a.size, 'type', a.type) order by a.id)
        from inspection_attachments a where a.inspection_id = inspections.id), '[]')`.as('attachments'),
    ])
    .executeTakeFirstOrThrow();
  const facts = inspectionFacts(i);
  const status = i.status;
  const confirmed = row.documents.find((d) => d.kind === 'site_record');
  const actions: string[] = allowedActions(actor, facts, status);
  if (mayAddFinding(actor, facts, status) && !confirmed) actions.unshift('add_finding');
  // photo evidence: the same people, on site (also after the record is confirmed)
  if (mayAddFinding(actor, facts, status)) actions.push('add_attachment');
  return {
    inspection: {
      ...present(row as unknown as SummaryRow),
      planId: i.plan_id,
      themeId: i.theme_id,
      inspectedUnitId: i.inspected_unit_id,
      noticeOn: i.notice_on,
      recheckOn: i.recheck_on,
      archivedOn: i.archived_on,
      summary: i.summary,
      confirmedAt: confirmed ? new Date(confirmed.createdAt).toISOString() : null,
    },
    members: row.members.map((m) => ({
      ...m,
      signedAt: m.signedAt ? new Date(m.signedAt).toISOString() : null,
    })),
    findings: row.findings,
    documents: row.documents.map((d) => ({ ...d, createdAt: new Date(d.createdAt).toISOString() })),
    attachments: row.attachments,
    allowedActions: actions,
    deadlines: { noticeBy: status === 'planned' && i.site_on ? noticeBy(i.site_on) : null },
  };
}

/** One document of a readable inspection, for its download. */
export async function inspectionDocument(db: Executor, actor: Actor, id: number, docId: number) {
  const i = await readableInspection(db, actor, id);
  const d = await db
    .selectFrom('inspection_documents')
    .selectAll()
    .where('id', '=', docId)
    .where('inspection_id', '=', id)
    .executeTakeFirst();
  return d ? { i, d } : null;
}
