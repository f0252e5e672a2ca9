/**
 * Inspections (DOMAIN §7, issue 14): the double-random draws (双随机, RFC 3797). The draft a
 * office edits, the published document (the frozen, numbered pool with its conflicts, the counts,
 * the rules in words, the named public sources) whose SHA-256 is published with it, and the result
 * (the sources' values, the key string, the picks with their step i and hash, declines with their
 * substitutes). The verification recomputes all of it from the document alone (`draw-verify.ts`).
 */
import { z } from 'zod';
import { id, isoDate, listOf, pageQuery, versioned } from '../common.ts';

export const drawStatuses = ['draft', 'published', 'drawn'] as const;
export type DrawStatus = (typeof drawStatuses)[number];
export const drawStatusLabels: Record<DrawStatus, string> = {
  draft: '草稿',
  published: '已公布',
  drawn: '已抽取',
};

const text = (max: number, what: string) => z.string().trim().min(1, `请填写${what}`).max(max);

export const drawSourceSpec = z.strictObject({
  name: text(100, '随机源名称'),
  description: z.string().trim().max(500).default(''),
  on: isoDate,
  /** the order of its numbers matters (kept as drawn, not sorted) */
  ordered: z.boolean().default(false),
});
export type DrawSourceSpec = z.infer<typeof drawSourceSpec>;

export const drawProjectStratumInput = z.strictObject({
  themeId: id,
  count: z.number().int().min(1, '抽取数量至少为 1').max(500),
  projectIds: z.array(id).min(1, '请选择候选项目').max(2000),
});
export const drawExpertStratumInput = z.strictObject({
  specialty: text(50, '专业'),
  count: z.number().int().min(1, '抽取数量至少为 1').max(100),
});

const drawFields = {
  title: text(200, '标题'),
  siteOn: isoDate.nullable().default(null),
  projects: z.array(drawProjectStratumInput).min(1, '请至少设置一个专题的项目').max(20),
  experts: z.array(drawExpertStratumInput).max(20).default([]),
  sources: z.array(drawSourceSpec).min(1, '请至少指定一个公开随机源').max(10),
};
export const drawCreate = z.strictObject({ planId: id, ...drawFields });
export const drawUpdate = z.strictObject({ ...drawFields, version: z.number().int().min(1) });
export type DrawCreate = z.infer<typeof drawCreate>;

export const drawQuery = pageQuery.extend({
  planId: id.optional(),
  status: z.enum(drawStatuses).optional(),
});

export const drawEnter = z.strictObject({
  version: z.number().int().min(1),
  /** each named source's value, in the published order: its numbers (or one string) */
  values: z
    .array(z.array(z.string().trim().min(1, '请填写随机源的值').max(100)).min(1).max(50))
    .min(1)
    .max(10),
});
export const drawDecline = z.strictObject({
  version: z.number().int().min(1),
  reason: text(500, '回避或谢绝的原因'),
});
export const drawPickParams = z.object({ id, ordinal: z.coerce.number().int().min(1) });
export const drawVersion = versioned;

// ---- the document ----

export const drawPoolEntry = z.object({
  seq: z.number().int().min(1),
  id: z.number().int(),
  label: z.string(),
  /** an expert's conflicts: the pool numbers (seq) of the projects it may not inspect */
  conflicts: z.array(z.number().int()).optional(),
});
export type DrawPoolEntry = z.infer<typeof drawPoolEntry>;

export const drawStratum = z.object({
  stratum: z.string(),
  themeId: z.number().int().optional(),
  count: z.number().int().min(1),
  pool: z.array(drawPoolEntry),
});
export type DrawStratum = z.infer<typeof drawStratum>;

export const drawPublished = z.object({
  format: z.literal('ducha-draw/1'),
  drawId: z.number().int(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  planId: z.number().int(),
  planYear: z.number().int(),
  siteOn: z.string().nullable(),
  publishedOn: z.string(),
  rules: z.array(z.string()),
  sources: z.array(
    z.object({ name: z.string(), description: z.string(), on: z.string(), ordered: z.boolean() }),
  ),
  projects: z.array(drawStratum),
  experts: z.array(drawStratum),
});
export type DrawPublished = z.infer<typeof drawPublished>;

export const drawPick = z.object({
  ordinal: z.number().int().min(1),
  i: z.number().int().min(0),
  kind: z.enum(['project', 'expert']),
  stratum: z.string(),
  seq: z.number().int(),
  id: z.number().int(),
  label: z.string(),
  hash: z.string(),
  /** a substitute: the ordinal of the declined pick it replaces */
  substituteFor: z.number().int().optional(),
  declined: z.object({ reason: z.string(), on: z.string() }).optional(),
  substituteOrdinal: z.number().int().optional(),
});
export type DrawPick = z.infer<typeof drawPick>;

export const drawResult = z.object({
  sourceValues: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  key: z.string(),
  picks: z.array(drawPick),
});
export type DrawResult = z.infer<typeof drawResult>;

export const drawDocument = z.object({
  published: drawPublished,
  /** SHA-256 of `published` in the canonical serialisation (rfc3797.ts `canonicalJson`) */
  sha256: z.string(),
  result: drawResult.nullable(),
});
export type DrawDocument = z.infer<typeof drawDocument>;

export const drawVerification = z.object({
  ok: z.boolean(),
  errors: z.array(z.string()),
  picks: z.array(drawPick),
});
export type DrawVerification = z.infer<typeof drawVerification>;

// ---- reads ----

export const drawSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  planYear: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  status: z.enum(drawStatuses),
  poolSha256: z.string().nullable(),
  publishedAt: z.string().nullable(),
  drawnAt: z.string().nullable(),
  version: z.number().int(),
});
export type DrawSummary = z.infer<typeof drawSummary>;
export const drawList = listOf(drawSummary);

export const drawDetail = drawSummary.extend({
  siteOn: z.string().nullable(),
  projects: z.array(
    z.object({ themeId: z.number().int(), count: z.number().int(), projectIds: z.array(z.number().int()) }),
  ),
  experts: z.array(z.object({ specialty: z.string(), count: z.number().int() })),
  sources: z.array(
    z.object({ name: z.string(), description: z.string(), on: z.string(), ordered: z.boolean() }),
  ),
  document: drawDocument.nullable(),
  inspectionIds: z.array(z.number().int()),
});
export type DrawDetail = z.infer<typeof drawDetail>;

export const drawInspectionsCreated = z.object({ inspectionIds: z.array(z.number().int()) });
