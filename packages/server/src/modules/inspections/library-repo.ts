/**
 * What the libraries' use cases share: the SQL scope of a library list (the actor's region subtree
 * and the regions above it), the region a new record goes to, phones as the actor may see them,
 * the login a record links (a user of the record's role, linked to no other record), and the
 * all-or-nothing delete that becomes a deactivation's advice when the record is referenced.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../db/connection.ts';
import type { Actor } from '../../platform/access/context.ts';
import { accountQuery } from '../../platform/auth/accounts.ts';
import { DomainError, invalid, outOfScope } from '../../platform/errors.ts';
import { getRegion, regionCodeUnder } from '../../platform/regions.ts';
import { canManageLibrary, phoneView } from './library-policy.ts';
import { maskPhone } from './library-rules.ts';

/** SQL: the library record's region is the actor's subtree or above it (everything for the admin). */
export function libraryScope(a: Actor, column: string): RawBuilder<SqlBool> {
  if (a.role === 'admin') return sql<SqlBool>`true`;
  const above = a.regionPath.split('.').slice(0, -1);
  return sql<SqlBool>`(${regionCodeUnder(column, a.regionPath)} or ${sql.ref(column)} = any(${sql.val(above)}::text[]))`;
}

/** The region a new record is kept for, which the actor must keep (400 unknown, 403 not its own). */
export async function managedRegion(db: Executor, a: Actor, code: string) {
  const region = await getRegion(db, code);
  if (!region) throw invalid('body.regionCode', '区划不存在');
  if (!canManageLibrary(a, region.path)) throw outOfScope();
  return region;
}

/** A phone number as the actor may see it (`own`: the record is the actor's own). */
export function shownPhone(a: Actor, phone: string, own = false): string {
  if (own) return phone;
  const view = phoneView(a);
  return view === 'whole' ? phone : view === 'masked' ? maskPhone(phone) : '';
}

/**
 * A login linked to a library record: an active user of `role`, linked to no other record of the
 * table (`others` answers the record already holding it, if any).
 */
export async function assertLogin(
  db: Executor,
  userId: number | null | undefined,
  role: 'expert' | 'inspector',
  path: string,
  holder: (userId: number) => Promise<number | undefined>,
  self?: number,
) {
  if (userId === null || userId === undefined) return;
  const u = await accountQuery(db)
    .select(['us.role', 'us.active'])
    .where('us.id', '=', userId)
    .executeTakeFirst();
  const label = role === 'expert' ? '专家' : '稽察人员';
  if (!u || !u.active) throw invalid(path, '账号不存在或已停用');
  if (u.role !== role) throw invalid(path, `只能关联角色为${label}的账号`);
  const other = await holder(userId);
  if (other !== undefined && other !== self) throw invalid(path, `该账号已关联另一名${label}`);
}

/** 409 IN_USE with advice to deactivate, when `uses` found any reference. */
export function refuseReferenced(uses: number, what: string): void {
  if (uses > 0)
    throw new DomainError('IN_USE', 409, [
      { path: 'id', message: `该${what}已被引用（${uses} 处），不能删除，请停用` },
    ]);
}
