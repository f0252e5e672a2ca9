/**
 * Inspections' libraries (DOMAIN §7, issue 14): the contracted technical firms (签约专业技术机构),
 * the experts (专家库: specialty from the `expert_specialty` dictionary, availability windows,
 * declared conflicts, an optional login of role expert) and the inspectors (稽察人员名录库).
 * Lists filter by region, text, active and their own fields; edits carry the version read.
 */
import { z } from 'zod';
import { id, isoDate, pageQuery, queryBool, regionCode, versioned } from '../common.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const optText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`);
const phone = z
  .string()
  .trim()
  .max(30, '不能超过 30 个字符')
  .regex(/^[0-9+\-() ]*$/, '电话只能包含数字、空格和 + - ( )');

// ---- firms ----

export const firmCreate = z.strictObject({
  regionCode,
  name: text(100),
  contact: optText(40).default(''),
  phone: phone.default(''),
  contractFrom: isoDate.nullable().default(null),
  contractTo: isoDate.nullable().default(null),
});
export const firmUpdate = versioned.extend({
  name: text(100).optional(),
  contact: optText(40).optional(),
  phone: phone.optional(),
  contractFrom: isoDate.nullable().optional(),
  contractTo: isoDate.nullable().optional(),
  active: z.boolean().optional(),
});
export const firmQuery = pageQuery.extend({ regionCode: regionCode.optional(), active: queryBool });
export const firm = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  contact: z.string(),
  /** shown to the office only; others get it masked */
  phone: z.string(),
  contractFrom: z.string().nullable(),
  contractTo: z.string().nullable(),
  experts: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Firm = z.infer<typeof firm>;

// ---- experts ----

export const availabilityWindow = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((w) => w.from <= w.to, { message: '结束日期不能早于开始日期', path: ['to'] });

const expertFields = {
  name: text(40),
  specialty: text(40),
  title: optText(40),
  employer: optText(100),
  employerUnitId: id.nullable(),
  firmId: id.nullable(),
  phone,
  availability: z.array(availabilityWindow).max(50),
  conflictUnitIds: z.array(id).max(100),
  conflictProjectIds: z.array(id).max(200),
  conflictNote: optText(500),
  userId: id.nullable(),
};
export const expertCreate = z.strictObject({
  regionCode,
  name: expertFields.name,
  specialty: expertFields.specialty,
  title: expertFields.title.default(''),
  employer: expertFields.employer.default(''),
  employerUnitId: expertFields.employerUnitId.default(null),
  firmId: expertFields.firmId.default(null),
  phone: phone.default(''),
  availability: expertFields.availability.default([]),
  conflictUnitIds: expertFields.conflictUnitIds.default([]),
  conflictProjectIds: expertFields.conflictProjectIds.default([]),
  conflictNote: expertFields.conflictNote.default(''),
  userId: expertFields.userId.default(null),
});
export const expertUpdate = versioned.extend({
  ...Object.fromEntries(Object.entries(expertFields).map(([k, v]) => [k, v.optional()])),
  active: z.boolean().optional(),
} as { [K in keyof typeof expertFields]: z.ZodOptional<(typeof expertFields)[K]> } & {
  active: z.ZodOptional<z.ZodBoolean>;
});
export const expertQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  specialty: z.string().trim().max(40).optional(),
  firmId: id.optional(),
  active: queryBool,
});
export const expert = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  specialty: z.string(),
  title: z.string(),
  employer: z.string(),
  employerUnitId: z.number().int().nullable(),
  employerUnit: z.string().nullable(),
  firmId: z.number().int().nullable(),
  firm: z.string().nullable(),
  /** personal data: the office sees it whole, leaders masked (138****5678), nobody else at all */
  phone: z.string(),
  availability: z.array(z.object({ from: z.string(), to: z.string() })),
  conflictUnitIds: z.array(z.number().int()),
  conflictProjectIds: z.array(z.number().int()),
  conflictNote: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Expert = z.infer<typeof expert>;

// ---- inspectors ----

export const inspectorRoles = [
  '稽察特派员',
  '稽察办人员',
  '投资科室人员',
  '督考办人员',
  '行业主管部门人员',
] as const;
export const inspectorRole = z.enum(inspectorRoles, { message: '角色应为：' + inspectorRoles.join('、') });

export const inspectorCreate = z.strictObject({
  regionCode,
  name: text(40),
  unitId: id.nullable().default(null),
  role: inspectorRole,
  phone: phone.default(''),
  userId: id.nullable().default(null),
});
export const inspectorUpdate = versioned.extend({
  name: text(40).optional(),
  unitId: id.nullable().optional(),
  role: inspectorRole.optional(),
  phone: phone.optional(),
  userId: id.nullable().optional(),
  active: z.boolean().optional(),
});
export const inspectorQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  role: inspectorRole.optional(),
  unitId: id.optional(),
  active: queryBool,
});
export const inspector = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  name: z.string(),
  unitId: z.number().int().nullable(),
  unit: z.string().nullable(),
  role: z.string(),
  phone: z.string(),
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Inspector = z.infer<typeof inspector>;

/** An all-or-nothing import's answer: how many rows were created and updated (matched by name). */
export const libraryImportResult = z.object({ created: z.number().int(), updated: z.number().int() });
