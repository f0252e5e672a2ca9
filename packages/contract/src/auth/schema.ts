/** Sign-in, the current user, passwords and personal API tokens. */
import { z } from 'zod';
import { permissions, role } from '../access.ts';

export const passwordRule = z
  .string()
  .min(10, '密码至少 10 位')
  .max(128, '密码不能超过 128 位')
  .regex(/[A-Za-z]/, '密码须包含字母')
  .regex(/\d/, '密码须包含数字');

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const me = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  permissions: z.array(z.enum(permissions)),
});
export type Me = z.infer<typeof me>;
/** `GET /api/auth/session`: the signed-in user, or null (a page asking "who is this?" is never an error). */
export const session = z.object({ user: me.nullable() });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入原密码').max(256),
  newPassword: passwordRule,
});

export const apiToken = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const apiTokenCreate = z.object({
  name: z.string().trim().min(1, '请填写令牌用途').max(50),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
/** The secret is shown exactly once; only its hash is stored. */
export const apiTokenCreated = z.object({ token: z.string(), apiToken });

export const health = z.object({
  status: z.literal('ok'),
  db: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
