/**
 * Domain errors and the one error handler: every failure leaves the API as
 * {"error":{"code","message","details":[{"path","message"}],"requestId"}}, localized by Accept-Language.
 */
import { errorMessages, pickLang, type ErrorCode, type Lang } from '@ducha/contract';
import { z } from 'zod';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

/** An unknown request field in English (platform/validation.ts has the Chinese). */
export const unknownFieldEn = (key: string) => `Unknown field "${key}": not accepted here`;

export interface ErrorDetail {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details: ErrorDetail[] = [],
    readonly extra: Record<string, unknown> = {},
    /** a message of this case instead of the code's general one, in both languages */
    readonly localized?: Record<Lang, string>,
  ) {
    super(code);
  }
}

export const notFound = () => new DomainError('NOT_FOUND', 404);
export const forbidden = () => new DomainError('FORBIDDEN', 403);
export const outOfScope = () => new DomainError('OUT_OF_SCOPE', 403);
export const versionConflict = (current: number) =>
  new DomainError('VERSION_CONFLICT', 409, [{ path: 'version', message: `当前版本为 ${current}` }], {
    currentVersion: current,
  });
export const invalid = (path: string, message: string) =>
  new DomainError('VALIDATION', 400, [{ path, message }]);

export function sendError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details: ErrorDetail[],
  extra = {},
  message?: Record<Lang, string>,
) {
  const lang = pickLang(req.headers['accept-language']);
  return reply.status(status).send({
    error: {
      code,
      message: message?.[lang] ?? errorMessages[code][lang],
      details,
      requestId: req.id,
      ...extra,
    },
  });
}

const localeMaps = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError };
const messageOf = (m: ReturnType<(typeof localeMaps)['en']>) => (typeof m === 'string' ? m : m?.message);

/**
 * Schema messages are Chinese (zod's zh-CN locale or our own wording). For English callers, a
 * message that is zod's default is re-rendered from the same issue by the English locale; our own
 * field-specific wording stays as written.
 */
function localizeIssue(
  v: { keyword: string; message?: string; params: Record<string, unknown>; instancePath: string },
  input: unknown,
  lang: Lang,
): string {
  const message = v.message ?? '';
  if (lang === 'zh') return message;
  if (v.keyword === 'unrecognized_keys') return unknownFieldEn(String((v.params.keys as string[])[0]));
  // zod drops the received value from issues; the messages of type errors name it, so put it back
  const received = v.instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>(
      (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
      input,
    );
  const issue = { ...v.params, input: received, code: v.keyword, path: [], message } as never;
  return messageOf(localeMaps.zh(issue)) === message ? (messageOf(localeMaps.en(issue)) ?? message) : message;
}

/** Unique constraints and the request field each one guards. */
const uniqueFields: Record<string, string> = {
  units_region_code_name_key: 'body.name',
  positions_unit_id_name_key: 'body.name',
  users_username_idx: 'body.username',
  regions_pkey: 'body.code',
  projects_code_idx: 'body.code',
  project_lists_year_region_code_name_key: 'body.name',
  procedure_templates_name_key: 'body.name',
  saved_views_user_id_page_name_key: 'body.name',
  project_procedures_project_id_name_key: 'body.name',
};

/** PostgreSQL error codes we turn into user errors instead of 500s. */
export function fromPostgres(err: {
  code?: string;
  constraint?: string;
  detail?: string;
}): DomainError | undefined {
  if (err.code === '23505') {
    const path = uniqueFields[err.constraint ?? ''] ?? err.constraint ?? '';
    return new DomainError('DUPLICATE', 409, [{ path, message: '与已有记录重复，请换一个名称或代码' }]);
  }
  if (err.code === '23503')
    return new DomainError('VALIDATION', 400, [{ path: err.constraint ?? '', message: '引用的记录不存在' }]);
  // data exceptions (bad date, value out of range) that slipped past the schemas are still the caller's
  if (err.code?.startsWith('22'))
    return new DomainError('VALIDATION', 400, [{ path: '', message: '数据格式或取值不正确' }]);
  return undefined;
}

/**
 * Errors the router raises before a route is found (Fastify's `frameworkErrors`): a URL whose
 * percent-encoding is broken (FST_ERR_BAD_URL) or a path parameter over 100 characters
 * (FST_ERR_MAX_PARAM_LENGTH, 414). Same shape as every other error, at `url`.
 */
export function frameworkError(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = pickLang(req.headers['accept-language']);
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const message =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? lang === 'zh'
        ? '地址中的参数过长'
        : 'A path parameter is too long'
      : lang === 'zh'
        ? '地址无效（编码有误）'
        : 'The URL is not valid (bad encoding)';
  return sendError(req, reply, status, 'VALIDATION', [{ path: 'url', message }]);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const lang = pickLang(req.headers['accept-language']);
      const details = error.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const input = (req as unknown as Record<string, unknown>)[where === 'querystring' ? 'query' : where];
        return { path: p ? `${where}.${p}` : where, message: localizeIssue(v, input, lang) };
      });
      return sendError(req, reply, 400, 'VALIDATION', details);
    }
    const domain = error instanceof DomainError ? error : fromPostgres(error as never);
    if (domain)
      return sendError(
        req,
        reply,
        domain.status,
        domain.code,
        domain.details,
        domain.extra,
        domain.localized,
      );
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendError(req, reply, 413, 'PAYLOAD_TOO_LARGE', []);
    if (error.statusCode === 429) return sendError(req, reply, 429, 'TOO_MANY_REQUESTS', []);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // malformed JSON, wrong content type and the like: say so in the caller's language
      const lang = pickLang(req.headers['accept-language']);
      const message = lang === 'zh' ? '请求体不是有效的 JSON，或内容类型不受支持' : error.message;
      return sendError(req, reply, error.statusCode, 'VALIDATION', [{ path: 'body', message }]);
    }
    if (isResponseSerializationError(error))
      req.log.error({ err: error, cause: error.cause }, 'response did not match its schema');
    else req.log.error({ err: error }, 'unhandled error');
    return sendError(req, reply, 500, 'INTERNAL', []);
  });
}
