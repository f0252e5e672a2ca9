/** The project registry (DOMAIN §3): projects, stages, responsibility (五个一), lists and batches. */
import { z } from 'zod';
import { id, isoDate, pageQuery, queryBool, regionCode, versioned, yearMonth } from '../common.ts';
import { moneyOut, nonNegativeMoney } from '../money.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const optionalText = (max: number) =>
  z.string().trim().max(max, `不能超过 ${max} 个字`).nullable().optional();

// ---- stages ----
export const stages = [
  'reserve',
  'preliminary',
  'new_start',
  'continuing',
  'completed',
  'operating',
] as const;
export const stage = z.enum(stages);
export type Stage = z.infer<typeof stage>;
export const stageLabels: Record<Stage, string> = {
  reserve: '储备',
  preliminary: '前期',
  new_start: '新开工',
  continuing: '续建',
  completed: '竣工',
  operating: '投产',
};

export const investmentNatures = ['government', 'enterprise', 'ppp'] as const;
export const investmentNature = z.enum(investmentNatures);
export const investmentNatureLabels = { government: '政府投资', enterprise: '企业投资', ppp: 'PPP' } as const;

/** Default dictionaries; offices may extend them (DOMAIN §3 "configurable dictionary"). */
export const defaultSectors = [
  '工业',
  '农业',
  '现代服务业',
  '基础设施',
  '城乡建设',
  '社会事业',
  '旅游商贸物流',
] as const;
export const defaultFundingSources = [
  '中央资金',
  '省级资金',
  '地方配套',
  '政府专项债券',
  '银行贷款',
  '企业自筹',
  '社会资本',
] as const;

const coordinate = z
  .union([z.string().trim(), z.number()])
  .transform((v) => String(v))
  .refine((v) => /^-?\d{1,3}(\.\d{1,7})?$/.test(v), '坐标应为十进制度数，最多 7 位小数')
  .nullable()
  .optional();

// ---- responsibility (五个一 / 六定) ----
export const responsibility = z.object({
  leaderPositionId: z.number().int().nullable(),
  leaderPositionName: z.string().nullable(),
  /** the position's holder today: follows the position with no edit to the project */
  leaderName: z.string().nullable(),
  responsibleUnitId: z.number().int().nullable(),
  responsibleUnitName: z.string().nullable(),
  coUnits: z.array(z.object({ id: z.number().int(), name: z.string() })),
  team: z.array(z.object({ personId: z.number().int(), name: z.string(), duty: z.string().nullable() })),
  responsiblePersonId: z.number().int().nullable(),
  responsiblePersonName: z.string().nullable(),
  handlingOfficerId: z.number().int().nullable(),
  handlingOfficerName: z.string().nullable(),
});
export type Responsibility = z.infer<typeof responsibility>;

export const responsibilityUpdate = versioned.extend({
  leaderPositionId: id.nullable().optional(),
  responsibleUnitId: id.nullable().optional(),
  coUnitIds: z.array(id).max(30).optional(),
  team: z
    .array(z.object({ personId: id, duty: optionalText(50) }))
    .max(50)
    .optional(),
  responsiblePersonId: id.nullable().optional(),
  handlingOfficerId: id.nullable().optional(),
  reason: optionalText(200),
});

// ---- projects ----
const unitRef = { id: z.number().int().nullable(), name: z.string().nullable() };
export const project = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string().nullable(),
  longitude: z.string().nullable(),
  latitude: z.string().nullable(),
  sector: z.string(),
  scale: z.string().nullable(),
  investmentNature: investmentNature,
  fundingSources: z.array(z.string()),
  totalInvestment: moneyOut,
  owner: z.object(unitRef),
  contractor: z.object(unitRef),
  supervisor: z.object(unitRef),
  agent: z.object(unitRef),
  designer: z.object(unitRef),
  basisDoc: z.string().nullable(),
  basisDocNo: z.string().nullable(),
  tags: z.array(z.string()),
  stage,
  plannedStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  plannedProduction: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  actualProduction: z.string().nullable(),
  /** 起报月份 'YYYY-MM': the first month the project owes a monthly report */
  reportsFrom: z.string(),
  responsibility,
  active: z.boolean(),
  version: z.number().int(),
});
export type Project = z.infer<typeof project>;

const projectFields = {
  name: text(100),
  regionCode,
  address: optionalText(200),
  longitude: coordinate,
  latitude: coordinate,
  sector: text(20),
  scale: optionalText(2000),
  investmentNature,
  fundingSources: z.array(text(20)).max(10),
  totalInvestment: nonNegativeMoney,
  ownerUnitId: id.nullable().optional(),
  contractorUnitId: id.nullable().optional(),
  supervisorUnitId: id.nullable().optional(),
  agentUnitId: id.nullable().optional(),
  designerUnitId: id.nullable().optional(),
  basisDoc: optionalText(200),
  basisDocNo: optionalText(60),
  tags: z.array(text(20)).max(10),
  plannedStart: isoDate.nullable().optional(),
  plannedCompletion: isoDate.nullable().optional(),
  plannedProduction: isoDate.nullable().optional(),
  actualStart: isoDate.nullable().optional(),
  actualCompletion: isoDate.nullable().optional(),
  actualProduction: isoDate.nullable().optional(),
  /** 起报月份; a new project owes from the month it is registered unless given */
  reportsFrom: yearMonth.optional(),
};

/** Project codes are the office's own (e.g. DQ-2026-001): letters, digits and dashes. */
export const projectCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9-_]{1,39}$/, '项目编号为 2-40 位字母、数字、连字符或下划线');

export const projectCreate = z.object({
  code: projectCode,
  stage: stage.default('preliminary'),
  ...projectFields,
  fundingSources: projectFields.fundingSources.default([]),
  tags: projectFields.tags.default([]),
});
export const projectUpdate = versioned
  .extend(
    Object.fromEntries(Object.entries(projectFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof projectFields]: z.ZodOptional<(typeof projectFields)[K]>;
    },
  )
  .extend({ active: z.boolean().optional() });

export const stageChange = versioned.extend({
  stage,
  date: isoDate,
  reason: optionalText(200),
});

export const projectQuery = pageQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  listId: id.optional(),
  batch: z.string().trim().max(20).optional(),
  sector: z.string().trim().max(20).optional(),
  regionCode: regionCode.optional(),
  unitId: id.optional(),
  leaderPositionId: id.optional(),
  stage: stage.optional(),
  includeInactive: queryBool,
  sort: z.enum(['code', 'name', 'totalInvestment', '-totalInvestment', 'stage']).default('code'),
});

/** One change of a project's stage (`GET /api/projects/:id/stages`). */
export const stageEvent = z.object({ stage, date: z.string(), reason: z.string().nullable() });

/** The Gantt page's filters: the project list's, and the plan year whose milestones it draws. */
export const ganttQuery = projectQuery.omit({ page: true, pageSize: true, sort: true }).extend({
  planYear: z.coerce.number().int().min(2000).max(2100),
});
