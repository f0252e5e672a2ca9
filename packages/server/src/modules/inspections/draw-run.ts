/**
 * The draws' use cases from publication on: the sources' values entered (on or after their dates)
 * and the draw run from the frozen pool rows (refused when they no longer hash to the published
 * SHA-256), an expert's decline with its substitute drawn by the next step of the same sequence,
 * and the inspections created from a drawn draw (once). Audited, version-checked.
 */
import {
  drawMain,
  DrawRefused,
  drawSubstitute,
  keyOf,
  sha256Of,
  type DrawDocument,
  type DrawPick,
  type DrawPublished,
} from '@ducha/contract';
import { transaction, type Db, type Trx } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { recordAudit, recordAudits } from '../../platform/audit/audit.ts';
import { assertVersion } from '../../platform/records.ts';
import { todayInChina } from '../../platform/time.ts';
import { projectParties } from '../projects/index.ts';
import { publishedFromRows } from './draw-pool.ts';
import { drawRow, refuse, requireManage, type DrawRow } from './draws.ts';
import { nextInspectionCode } from './repo.ts';

const refused = (e: unknown): never => {
  if (e instanceof DrawRefused) refuse(e.message);
  throw e;
};

/** The published part as the pool rows hold it, refused when it no longer matches its SHA-256. */
async function frozenPublished(trx: Trx, d: DrawRow): Promise<DrawPublished> {
  const doc = d.document as DrawDocument;
  const pub = await publishedFromRows(trx, d.id, doc.published);
  if (sha256Of(pub) !== d.pool_sha256 || sha256Of(doc.published) !== d.pool_sha256)
    refuse(
      '公布后的候选名单已被改动（SHA-256 与公布值不符），不能抽取',
      'The pool changed after publication (its SHA-256 no longer matches)',
    );
  return pub;
}

const pickRow = (drawId: number, p: DrawPick, by: number) => ({
  draw_id: drawId,
  ordinal: p.ordinal,
  kind: p.kind,
  stratum: p.stratum,
  pool_seq: p.seq,
  ref_id: p.id,
  recorded_by: by,
});

/** Enter the sources' values (each on or after its date) and draw. */
export async function runDraw(
  db: Db,
  ctx: Ctx,
  id: number,
  input: { version: number; values: string[][] },
  today = todayInChina(),
) {
  const actor = actorOf(ctx);
  await transaction(db, async (trx) => {
    const d = await drawRow(trx, id, true);
    requireManage(actor, d);
    if (d.status !== 'published')
      refuse(d.status === 'draft' ? '抽取尚未公布' : '已经抽取过', 'Only a published draw can be drawn');
    assertVersion(d.version, input.version);
    const pub = await frozenPublished(trx, d);
    const future = pub.sources.filter((s) => s.on > today);
    if (future.length)
      refuse(
        `随机源「${future.map((s) => s.name).join('、')}」要到 ${future[0]!.on} 才产生，不能提前录入`,
        'A source cannot be entered before its date',
      );
    if (input.values.length !== pub.sources.length)
      refuse(`须录入全部 ${pub.sources.length} 个随机源的值`, 'Every source’s value is needed');
    let key = '';
    let picks: DrawPick[] = [];
    try {
      key = keyOf(pub, input.values);
      picks = drawMain(pub, key);
    } catch (e) {
      refused(e);
    }
    const sourceValues = pub.sources.map((s, n) => ({ name: s.name, values: input.values[n]! }));
    const document: DrawDocument = { ...(d.document as DrawDocument), result: { sourceValues, key, picks } };
    await trx
      .insertInto('inspection_draw_picks')
      .values(picks.map((p) => pickRow(id, p, actor.id)))
      .execute();
    const after = await trx
      .updateTable('inspection_draws')
      .set({
        status: 'drawn',
        source_values: JSON.stringify(sourceValues),
        key_string: key,
        document: JSON.stringify(document),
        drawn_by: actor.id,
        drawn_at: new Date(),
        version: d.version + 1,
      })
      .where('id', '=', id)
      .returning(['id', 'status', 'key_string', 'version'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, {
      entity: 'inspection_draw',
      entityId: id,
      action: 'draw',
      before: { status: d.status, version: d.version },
      after: { ...after, picks: picks.map((p) => `${p.stratum} ${p.seq}`) },
    });
  });
}

async function inspectionsOf(trx: Trx, drawId: number) {
  return trx.selectFrom('inspections').select('id').where('draw_id', '=', drawId).orderBy('id').execute();
}

/** An expert pick declines with its reason; the substitute drawn with the next i. */
export async function declinePick(
  db: Db,
  ctx: Ctx,
  id: number,
  ordinal: number,
  input: { version: number; reason: string },
  today = todayInChina(),
) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const d = await drawRow(trx, id, true);
    requireManage(actor, d);
    if (d.status !== 'drawn') refuse('抽取尚未完成', 'The draw has not been drawn yet');
    assertVersion(d.version, input.version);
    if ((await inspectionsOf(trx, id)).length)
      refuse('已按本次抽取生成稽察任务，不能再回避或递补', 'Inspections were already created from this draw');
    const doc = d.document as DrawDocument;
    const picks = doc.result!.picks;
    const pick = picks.find((p) => p.ordinal === ordinal);
    if (!pick || pick.kind !== 'expert')
      refuse('只有抽中的专家可以回避或谢绝', 'Only a drawn expert can decline');
    if (pick.declined) refuse('该专家已回避或谢绝', 'This pick already declined');
    const pub = await frozenPublished(trx, d);
    let sub: DrawPick | undefined;
    try {
      sub = drawSubstitute(pub, doc.result!.key, picks, ordinal);
    } catch (e) {
      refused(e);
    }
    const next = picks.map((p) =>
      p.ordinal === ordinal
        ? { ...p, declined: { reason: input.reason, on: today }, substituteOrdinal: sub!.ordinal }
        : p,
    );
    next.push(sub!);
    await trx
      .updateTable('inspection_draw_picks')
      .set({ declined_at: new Date(), decline_reason: input.reason, substitute_ordinal: sub!.ordinal })
      .where('draw_id', '=', id)
      .where('ordinal', '=', ordinal)
      .execute();
    await trx
      .insertInto('inspection_draw_picks')
      .values(pickRow(id, sub!, actor.id))
      .execute();
    await trx
      .updateTable('inspection_draws')
      .set({
        document: JSON.stringify({ ...doc, result: { ...doc.result!, picks: next } }),
        version: d.version + 1,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'inspection_draw',
      entityId: id,
      action: 'decline',
      reason: input.reason,
      before: { ordinal, version: d.version },
      after: { ordinal, substituteOrdinal: sub!.ordinal, substitute: sub!.label, version: d.version + 1 },
    });
    return sub!.ordinal;
  });
}

/**
 * One inspection per drawn project ('planned', inspected unit: the project's owner, else its lead
 * unit), with the drawn experts that did not decline as its members; once per draw.
 */
export async function createDrawInspections(db: Db, ctx: Ctx, id: number, version: number) {
  const actor = actorOf(ctx);
  return transaction(db, async (trx) => {
    const d = await drawRow(trx, id, true);
    requireManage(actor, d);
    if (d.status !== 'drawn') refuse('抽取尚未完成', 'The draw has not been drawn yet');
    assertVersion(d.version, version);
    if ((await inspectionsOf(trx, id)).length)
      refuse('已按本次抽取生成过稽察任务', 'Inspections were already created from this draw');
    const doc = d.document as DrawDocument;
    const picks = doc.result!.picks;
    const projects = picks.filter((p) => p.kind === 'project');
    const experts = picks.filter((p) => p.kind === 'expert' && !p.declined);
    const themeOf = new Map(doc.published.projects.map((s) => [s.stratum, s.themeId ?? null]));
    const parties = new Map(
      (
        await projectParties(
          trx,
          projects.map((p) => p.id),
        )
      ).map((p) => [p.id, p]),
    );
    const ids: number[] = [];
    for (const p of projects) {
      const party = parties.get(p.id);
      const row = await trx
        .insertInto('inspections')
        .values({
          region_code: d.region_code,
          plan_id: d.plan_id,
          theme_id: themeOf.get(p.stratum) ?? null,
          draw_id: id,
          project_id: p.id,
          inspected_unit_id: party?.owner_unit_id ?? party?.responsible_unit_id ?? null,
          code: await nextInspectionCode(trx, d.plan_year),
          site_on: doc.published.siteOn,
          created_by: actor.id,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (experts.length)
        await trx
          .insertInto('inspection_members')
          .values(experts.map((e) => ({ inspection_id: row.id, role: 'expert' as const, expert_id: e.id })))
          .execute();
      ids.push(row.id);
      await recordAudit(trx, ctx, {
        entity: 'inspection',
        entityId: row.id,
        action: 'create',
        after: { ...row, expertIds: experts.map((e) => e.id) },
      });
    }
    await trx
      .updateTable('inspection_draws')
      .set({ version: d.version + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudits(trx, ctx, [
      {
        entity: 'inspection_draw',
        entityId: id,
        action: 'create_inspections',
        after: { inspectionIds: ids },
      },
    ]);
    return ids;
  });
}
