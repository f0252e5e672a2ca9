/** Organisation (DOMAIN §2): regions, units, positions with holder history, people, user accounts. */
import { z } from 'zod';
import { role } from '../access.ts';
import { id, isoDate, pageQuery, queryBool, regionCode, versioned } from '../common.ts';

const name = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确')
  .nullable()
  .optional();

// ---- regions ----
export const regionLevels = ['province', 'city', 'county', 'town'] as const;
export const regionLevel = z.enum(regionLevels);
export const regionLevelLabels = {
  province: '省',
  city: '市',
  county: '县(区)',
  town: '乡镇(街道)',
} as const;

export const region = z.object({
  code: z.string(),
  name: z.string(),
  level: regionLevel,
  parentCode: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Region = z.infer<typeof region>;

export const regionCreate = z.object({
  code: regionCode,
  name: name(50),
  level: regionLevel,
  parentCode: regionCode.nullable(),
});
export const regionUpdate = versioned.extend({ name: name(50).optional(), active: z.boolean().optional() });
export const regionQuery = z.object({
  under: regionCode.optional(),
  q: z.string().trim().max(50).optional(),
  includeInactive: queryBool,
  /**
   * Only the regions in the caller's own subtree, without the ancestors the tree is rooted at: what a
   * region picker offers (a county is not offered the city or the province).
   */
  inScope: queryBool,
});

// ---- units ----
export const unitTypes = ['government', 'department', 'town', 'zone', 'soe', 'enterprise', 'other'] as const;
export const unitType = z.enum(unitTypes);
export const unitTypeLabels: Record<(typeof unitTypes)[number], string> = {
  government: '人民政府',
  department: '政府部门',
  town: '乡镇(街道)',
  zone: '开发区/园区',
  soe: '国有企业',
  enterprise: '企业',
  other: '其他',
};

export const unit = z.object({
  id: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: unitType,
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.number().int().nullable(),
  headPersonId: z.number().int().nullable(),
  headPersonName: z.string().nullable(),
  liaisonPersonId: z.number().int().nullable(),
  liaisonPersonName: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Unit = z.infer<typeof unit>;

export const unitCreate = z.object({
  name: name(100),
  shortName: name(30).nullable().optional(),
  type: unitType,
  regionCode,
  parentId: id.nullable().optional(),
  phone,
});
export const unitUpdate = versioned.extend({
  name: name(100).optional(),
  shortName: name(30).nullable().optional(),
  type: unitType.optional(),
  parentId: id.nullable().optional(),
  headPersonId: id.nullable().optional(),
  liaisonPersonId: id.nullable().optional(),
  phone,
  active: z.boolean().optional(),
});
export const unitQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  type: unitType.optional(),
  includeInactive: queryBool,
});

// ---- people ----
export const person = z.object({
  id: z.number().int(),
  name: z.string(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  positions: z.array(z.object({ id: z.number().int(), name: z.string() })),
  hasAccount: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Person = z.infer<typeof person>;

export const personCreate = z.object({
  name: name(30),
  unitId: id,
  title: name(50).nullable().optional(),
  phone,
});
export const personUpdate = versioned.extend({
  name: name(30).optional(),
  unitId: id.optional(),
  title: name(50).nullable().optional(),
  phone,
  active: z.boolean().optional(),
});
export const personQuery = pageQuery.extend({ unitId: id.optional(), includeInactive: queryBool });

// ---- positions ----
export const holding = z.object({
  personId: z.number().int(),
  personName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  reason: z.string().nullable(),
});
export const position = z.object({
  id: z.number().int(),
  name: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  regionCode: z.string(),
  holderId: z.number().int().nullable(),
  holderName: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Position = z.infer<typeof position>;
export const positionDetail = position.extend({ holders: z.array(holding) });

export const positionCreate = z.object({ name: name(50), unitId: id, holderId: id.nullable().optional() });
export const positionUpdate = versioned.extend({ name: name(50).optional(), active: z.boolean().optional() });
/** A change of holder: the position's responsibilities follow it with no edit elsewhere. */
export const positionHolderChange = versioned.extend({
  personId: id.nullable(),
  startDate: isoDate,
  reason: z.string().trim().min(2, '请填写变更原因').max(200),
});
export const positionQuery = pageQuery.extend({
  unitId: id.optional(),
  regionCode: regionCode.optional(),
  includeInactive: queryBool,
});

// ---- users ----
export const username = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名为 3-32 位字母、数字、点、下划线或连字符');

export const user = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  personId: z.number().int().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type User = z.infer<typeof user>;

export const userCreate = z.object({
  username,
  displayName: name(30),
  role,
  /** required for every role but admin */
  regionCode: regionCode.nullable(),
  unitId: id.nullable().optional(),
  personId: id.nullable().optional(),
});
export const userUpdate = versioned.extend({
  displayName: name(30).optional(),
  role: role.optional(),
  regionCode: regionCode.nullable().optional(),
  unitId: id.nullable().optional(),
  personId: id.nullable().optional(),
  active: z.boolean().optional(),
});
export const userQuery = pageQuery.extend({
  role: role.optional(),
  unitId: id.optional(),
  includeInactive: queryBool,
});
/** A new account or a reset answers once with a temporary password; the user must change it. */
export const userWithPassword = z.object({ user, temporaryPassword: z.string() });
