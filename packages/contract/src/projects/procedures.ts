/** Preliminary procedures (前期手续): a checklist per project from configurable templates; dictionaries; saved views. */
import { z } from 'zod';
import { id, isoDate, versioned } from '../common.ts';

export const procedureStatuses = ['pending', 'in_progress', 'done', 'not_required'] as const;
export const procedureStatusLabels = {
  pending: '未办理',
  in_progress: '办理中',
  done: '已办结',
  not_required: '无需办理',
} as const;

export const procedure = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  category: z.string().nullable(),
  status: z.enum(procedureStatuses),
  plannedDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  docNo: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  note: z.string().nullable(),
  /** planned date passed and not done (or waived) */
  overdue: z.boolean(),
  version: z.number().int(),
});
export type Procedure = z.infer<typeof procedure>;

export const procedureTemplate = z.object({
  id: z.number().int(),
  name: z.string(),
  items: z.array(z.object({ name: z.string(), category: z.string().nullable() })),
  active: z.boolean(),
});

export const applyTemplate = z.object({ templateId: id });

/** Offices define their own checklists (e.g. 工业项目, 房地产项目); a template is never deleted, only retired. */
export const procedureTemplateCreate = z.object({
  name: z.string().trim().min(1, '请填写模板名称').max(50),
  items: z
    .array(
      z.object({
        name: z.string().trim().min(1, '手续名称不能为空').max(100),
        category: z.string().trim().max(30).nullable().default(null),
      }),
    )
    .min(1, '模板至少包含一项手续')
    .max(60)
    .refine((items) => new Set(items.map((i) => i.name)).size === items.length, '模板中的手续名称不能重复'),
});

export const procedureCreate = z.object({
  name: z.string().trim().min(1, '不能为空').max(100),
  category: z.string().trim().max(30).nullable().optional(),
  plannedDate: isoDate.nullable().optional(),
  unitId: id.nullable().optional(),
});

export const procedureUpdate = versioned.extend({
  status: z.enum(procedureStatuses).optional(),
  plannedDate: isoDate.nullable().optional(),
  doneDate: isoDate.nullable().optional(),
  docNo: z.string().trim().max(60).nullable().optional(),
  unitId: id.nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});

export const dictionaryKinds = [
  'sector',
  'funding_source',
  'tag',
  'item_category',
  'expert_specialty',
  'enterprise_specialty',
] as const;
export type DictionaryKind = (typeof dictionaryKinds)[number];
export const dictionaryKind = z.enum(dictionaryKinds);
/** What the settings page calls each dictionary. */
export const dictionaryKindLabels: Record<DictionaryKind, { zh: string; en: string }> = {
  sector: { zh: '行业', en: 'Sector' },
  funding_source: { zh: '资金来源', en: 'Funding source' },
  tag: { zh: '标签', en: 'Tag' },
  item_category: { zh: '问题类别', en: 'Item category' },
  expert_specialty: { zh: '专家专业', en: 'Expert specialty' },
  enterprise_specialty: { zh: '代建企业专业', en: 'Agent-builder specialty' },
};
/**
 * One entry of a configurable dictionary. Records store its `code` (the label it was created with,
 * never changed); the label and English label are what people read, and may be edited.
 */
export const dictionaryItem = z.object({
  kind: dictionaryKind,
  code: z.string(),
  label: z.string(),
  /** the label in the English UI; null: the Chinese label is shown */
  labelEn: z.string().nullable(),
  sort: z.number().int(),
  /** inactive: kept for the records that use it, offered for no new one */
  active: z.boolean(),
  version: z.number().int(),
});
const dictLabel = z.string().trim().min(1, '不能为空').max(20, '不能超过 20 个字');
const dictLabelEn = z.string().trim().max(60, '不能超过 60 个字符').nullable().optional();
const dictSort = z.number().int().min(0).max(999);
export const dictionaryItemCreate = z.object({
  kind: dictionaryKind,
  label: dictLabel,
  labelEn: dictLabelEn,
  sort: dictSort.default(100),
});
/** Edits an entry with the version read: its labels, its place in the list, active or not. */
export const dictionaryItemUpdate = versioned.extend({
  label: dictLabel.optional(),
  labelEn: dictLabelEn,
  sort: dictSort.optional(),
  active: z.boolean().optional(),
});
/**
 * Whether the caller may change the settings every region shares (dictionaries, working-day
 * corrections, the items' deadlines and ladder), and the region they belong to: the installation's
 * home region (the deepest region holding every office account's region).
 */
export const sharedSettings = z.object({
  editable: z.boolean(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
});
export type SharedSettings = z.infer<typeof sharedSettings>;
export const dictionaryItemParams = z.object({ kind: dictionaryKind, code: z.string().min(1).max(40) });

export const savedView = z.object({
  id: z.number().int(),
  page: z.string(),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
});
export const savedViewCreate = z.object({
  page: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1, '请填写视图名称').max(30),
  query: z.record(z.string(), z.unknown()),
});
