/**
 * One error shape for the whole API, and the messages for every error code in zh-CN and en.
 * Servers throw codes; the message is looked up here by the caller's Accept-Language.
 */
import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string().optional(),
    /** ACCOUNT_LOCKED: until when */
    lockedUntil: z.string().optional(),
    /** VERSION_CONFLICT: the version now stored */
    currentVersion: z.number().int().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

export type Lang = 'zh' | 'en';

export const errorMessages = {
  VALIDATION: { zh: '提交的数据有误，请按提示修改', en: 'The request has invalid fields' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  FORBIDDEN: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: { zh: '该记录不在您的数据权限范围内', en: 'This record is outside your data scope' },
  NOT_FOUND: { zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such API route' },
  VERSION_CONFLICT: {
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  DUPLICATE: { zh: '已存在相同的记录', en: 'A record with the same key already exists' },
  IN_USE: { zh: '记录已被引用，不能删除，只能停用', en: 'The record is referenced; deactivate it instead' },
  BAD_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: { zh: '账号已停用', en: 'The account is disabled' },
  TOO_MANY_REQUESTS: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  CSRF: { zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  PASSWORD_WEAK: {
    zh: '密码至少 10 位，且须包含字母和数字',
    en: 'The password needs at least 10 characters with letters and digits',
  },
  PASSWORD_MISMATCH: { zh: '原密码不正确', en: 'The current password is wrong' },
  PASSWORD_CHANGE_REQUIRED: {
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  INVALID_STATE: { zh: '当前状态下不能执行此操作', en: 'Not allowed in the current state' },
  MEETING_UNDISPOSED: {
    zh: '上次会议议定事项尚未全部作出处理，不能结束会议',
    en: 'Every decision of the previous meeting needs a disposition before the meeting can close',
  },
  PAYLOAD_TOO_LARGE: { zh: '提交的内容过大', en: 'The request body is too large' },
  INTERNAL: { zh: '系统内部错误，请联系管理员', en: 'Internal error; please contact the administrator' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ErrorCode = keyof typeof errorMessages;

/** Picks zh unless the Accept-Language header prefers English. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
