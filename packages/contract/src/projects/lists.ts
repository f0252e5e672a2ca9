/** Project lists (省/市/县重点, 市领导联系项目) per year, batches per membership, and approved adjustments. */
import { z } from 'zod';
import { id, listOf, pageQuery, queryBool, regionCode, versioned } from '../common.ts';

export const listLevels = ['province', 'city', 'county', 'leader'] as const;
export const listLevelLabels = {
  province: '省重点',
  city: '市重点',
  county: '县重点',
  leader: '市领导联系项目',
} as const;

/** The two batch schemes of the seeds: "3个30" (seed 004) and "四个一批". */
export const batchSchemes = {
  three_30: ['在建', '新开工', '重大前期'],
  four_batches: ['竣工投产一批', '开工建设一批', '申报立项一批', '包装储备一批'],
} as const;
export type BatchScheme = keyof typeof batchSchemes;
export const batchSchemeLabels: Record<BatchScheme, string> = {
  three_30: '在建/新开工/重大前期',
  four_batches: '四个一批',
};

export const projectList = z.object({
  id: z.number().int(),
  year: z.number().int(),
  level: z.enum(listLevels),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  batchScheme: z.enum(['three_30', 'four_batches']),
  batches: z.array(z.string()),
  status: z.enum(['draft', 'published']),
  publishedAt: z.string().nullable(),
  memberCount: z.number().int(),
  pendingAdjustments: z.number().int(),
  version: z.number().int(),
});
export type ProjectList = z.infer<typeof projectList>;

export const listCreate = z.object({
  year: z.number().int().min(2000).max(2100),
  level: z.enum(listLevels),
  name: z.string().trim().min(1, '不能为空').max(60),
  regionCode,
  batchScheme: z.enum(['three_30', 'four_batches']).default('three_30'),
});
export const listQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: z.enum(listLevels).optional(),
});

/** One stay of a project on a list (the project's 名单 tab). */
export const projectMembership = z.object({
  listId: z.number().int(),
  listName: z.string(),
  year: z.number().int(),
  level: z.enum(listLevels),
  listStatus: z.enum(['draft', 'published']),
  batch: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const listMember = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  batch: z.string(),
  addedAt: z.string(),
  removedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** The caller may change this member: re-batch or remove it (a request once the list is published). */
  editable: z.boolean(),
});
/**
 * One list as the caller may see it: only the members in the caller's scope (a county reading the
 * city's list sees its own projects), the others counted in `hiddenMembers`, and what the caller may
 * do with it (the page offers nothing else; the server still checks every action).
 */
export const projectListHeader = projectList.extend({
  /** Current members outside the caller's scope: counted, never named. */
  hiddenMembers: z.number().int(),
  actions: z.object({
    /** The office over the list's region: publish, edit a draft, decide requests. */
    manage: z.boolean(),
    /** Propose a project for the list (the office directly on a draft; a request once published). */
    add: z.boolean(),
    /** Read the list's change trail (it names every member): who reads the whole list. */
    timeline: z.boolean(),
  }),
});
/** With every member the caller sees, current and past, by project code. */
export const projectListDetail = projectListHeader.extend({ members: z.array(listMember) });
/**
 * `GET /api/project-lists/:id`: the detail, or with `members=none` the header alone (the list's page
 * reads the members a page at a time: `GET /api/project-lists/:id/members`).
 */
export const projectListRead = projectListDetail.partial({ members: true });
export type ProjectListHeader = z.infer<typeof projectListHeader>;
export type ProjectListDetail = z.infer<typeof projectListDetail>;
export const listDetailQuery = z.object({ members: z.enum(['all', 'none']).default('all') });

/**
 * A page of a list's members (issue 12: a city's list holds 12,000): the current members in project
 * code order, or with `history` every stay (current and past) newest first; `batch` keeps one batch,
 * `q` matches the project's code or name.
 */
export const listMembersQuery = pageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  batch: z.string().trim().min(1).max(20).optional(),
  history: queryBool,
});
export const listMemberPage = listOf(listMember).extend({
  /** The caller's current members per batch of the scheme, whatever the filters (the batch filter's counts). */
  batchCounts: z.record(z.string(), z.number().int()),
});
export type ListMemberPage = z.infer<typeof listMemberPage>;

const reason = z.string().trim().max(300).nullable().optional();
export const memberAdd = z.object({ projectId: id, batch: z.string().trim().min(1), reason });
export const memberChange = z.object({ batch: z.string().trim().min(1), reason });
export const memberRemove = z.object({ reason });
export const listMemberParams = z.object({ id, projectId: id });

export const adjustmentKinds = ['add', 'remove', 'change_batch'] as const;
export const adjustmentKindLabels = { add: '调入', remove: '调出', change_batch: '调整批次' } as const;
export const listAdjustment = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  kind: z.enum(adjustmentKinds),
  batch: z.string().nullable(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedById: z.number().int().nullable(),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
/** A change to a draft list applies at once; to a published list it waits for approval. */
export const memberChangeResult = z.object({ applied: z.boolean(), adjustment: listAdjustment.nullable() });
export const adjustmentDecision = z.object({
  approve: z.boolean(),
  note: z.string().trim().max(300).nullable().optional(),
});
export const listPublish = versioned;
