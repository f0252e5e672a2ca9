// Fetch wrapper for the Ducha API: JSON, same-origin cookies, CSRF header, Accept-Language, ApiError.
import type { FormInstance } from 'antd';
import type { Lang } from '@ducha/contract';

export interface ErrorDetail {
  path: string;
  message: string;
}

/** An error answered by the API (or a network failure, status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetail[];
  readonly requestId: string | undefined;
  /** The whole `error` object, for extra fields some codes carry (e.g. `lockedUntil`). */
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    details: ErrorDetail[] = [],
    requestId?: string,
    body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.body = body;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let language: Lang = 'zh';
/** Called by the i18n provider so every request carries the user's language. */
export function setApiLanguage(lang: Lang) {
  language = lang;
}

function readCookie(name: string): string | undefined {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2`, leaving out empty values. */
export function toQueryString(params?: QueryParams): string {
  if (!params) return '';
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    sp.set(k, String(v));
  }
  const s = sp.toString();
  return s ? `?${s}` : '';
}

/** The caller's language, for every request (the server localizes its messages by it). */
export const langHeader = (): Record<string, string> => ({
  'Accept-Language': language === 'en' ? 'en' : 'zh-CN',
});

/** The CSRF header every non-GET request made with the session cookie must carry. */
export function csrfHeader(): Record<string, string> {
  const csrf = readCookie('ducha_csrf');
  return csrf ? { 'x-csrf-token': csrf } : {};
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...langHeader() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') Object.assign(headers, csrfHeader());
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'NETWORK',
      language === 'en' ? 'Cannot reach the server' : '无法连接服务器，请检查网络',
    );
  }
  const text = await res.text();
  if (!res.ok) throw apiErrorOf(res.status, res.statusText, text);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The ApiError for a failed response body (JSON error shape, or anything else). */
export function apiErrorOf(status: number, statusText: string, text: string): ApiError {
  let err: { code?: string; message?: string; details?: ErrorDetail[]; requestId?: string } | undefined;
  try {
    err = (JSON.parse(text) as { error?: typeof err }).error;
  } catch {
    err = undefined;
  }
  return new ApiError(
    status,
    err?.code ?? `HTTP_${status}`,
    err?.message ?? `${status} ${statusText}`,
    Array.isArray(err?.details) ? err.details : [],
    err?.requestId,
    (err ?? {}) as Record<string, unknown>,
  );
}

export const api = {
  get: <T>(path: string, params?: QueryParams) => request<T>('GET', path + toQueryString(params)),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** `body.name` → `name`, `body.items.0.x` → ['items', 0, 'x'] (antd name path). */
export function detailPathToField(path: string): (string | number)[] {
  const parts = path.replace(/^\//, '').split(/[./]/).filter(Boolean);
  if (parts[0] === 'body') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts server validation details onto the form's fields. Returns the details that matched no
 * field (so the caller can show them in a message).
 */
export function applyErrorsToForm(form: FormInstance, err: ApiError): ErrorDetail[] {
  const unmatched: ErrorDetail[] = [];
  const fields: { name: (string | number)[]; errors: string[] }[] = [];
  const known = new Set(Object.keys({ ...form.getFieldsValue(true), ...form.getFieldsValue() }));
  for (const d of err.details) {
    const name = detailPathToField(d.path);
    const first = name[0];
    if (name.length && typeof first === 'string' && known.has(first)) {
      const existing = fields.find((f) => f.name.join('.') === name.join('.'));
      if (existing) existing.errors.push(d.message);
      else fields.push({ name, errors: [d.message] });
    } else unmatched.push(d);
  }
  if (fields.length) form.setFields(fields);
  return unmatched;
}
