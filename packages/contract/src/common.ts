/** Shapes shared by every module: ids, pagination, list envelopes, version-checked updates. */
import { z } from 'zod';

export const id = z.coerce.number().int().positive();
export const idParams = z.object({ id });

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(20),
  q: z.string().trim().max(100).optional(),
});

/** Query-string booleans: "true"/"false"/"1"/"0". */
export const queryBool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

/** Every editable record carries a version; updates must send the version they read. */
export const versioned = z.object({ version: z.number().int().min(1) });

/** A six-digit GB/T 2260 code, or a 9/12-digit town/village code below it. */
export const regionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字');

/** A real calendar date as 'YYYY-MM-DD' (2027-02-30 is refused, not rolled over). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, '不是有效的日期');

export const okBody = z.object({ ok: z.literal(true) });
/** A count (unread notices, notices sent). */
export const countBody = z.object({ count: z.number().int() });
