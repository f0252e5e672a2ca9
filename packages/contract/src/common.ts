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

/**
 * A page of a list. `total` is exact up to 10,000 matching rows; past that it is the database's
 * estimate and `totalIsEstimate` is true (the page shows 约).
 */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    totalIsEstimate: z.literal(true).optional(),
  });
}

/** Every editable record carries a version; updates must send the version they read. */
export const versioned = z.object({ version: z.number().int().min(1) });

/** A six-digit GB/T 2260 code, or a 9/12-digit town/village code below it. */
export const regionCode = z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, '区划代码应为 6、9 或 12 位数字');

/**
 * The years the platform deals in: key-project plans, reports, closes and dates all fall in
 * 2000–2100 for months and 1900–2100 for dates (a project approved long ago, a person's records).
 * Outside that a month or date is a typing error, and refused at its field instead of reaching the
 * calendar (`9999-12` has no deadline day) or the database (PostgreSQL has no year 0000).
 */
export const monthYears = { min: 2000, max: 2100 } as const;
export const dateYears = { min: 1900, max: 2100 } as const;

/** A month as 'YYYY-MM', years 2000–2100: the one month schema every route shares. */
export const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM', abort: true })
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= monthYears.min && y <= monthYears.max;
  }, `月份应在 ${monthYears.min}-01 至 ${monthYears.max}-12 之间`);

/** A real calendar date as 'YYYY-MM-DD' (2027-02-30 is refused, not rolled over), years 1900–2100. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD', abort: true })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: '不是有效的日期', abort: true },
  )
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= dateYears.min && y <= dateYears.max;
  }, `日期应在 ${dateYears.min} 至 ${dateYears.max} 年之间`);

export const okBody = z.object({ ok: z.literal(true) });
/** A count (unread notices, notices sent). */
export const countBody = z.object({ count: z.number().int() });

// ---- batch actions ----

/** Most records one batch action takes (a list page shows at most 100 rows). */
export const batchLimit = 200;

/** The records of a batch: each once, with the version it was read at (concurrent edits are detected). */
export const batchRecords = z
  .array(z.object({ id, version: z.number().int().min(1) }))
  .min(1, '请至少选择一条记录')
  .max(batchLimit, `一次最多处理 ${batchLimit} 条`)
  .refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, '同一条记录只能选择一次');

/** Why one record of a batch was refused: the error the single action would have answered. */
export const batchError = z.object({
  code: z.string(),
  /** the HTTP status the single action would have answered */
  status: z.number().int(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })),
  /** VERSION_CONFLICT: the version now stored */
  currentVersion: z.number().int().optional(),
});
export type BatchError = z.infer<typeof batchError>;

/** One record's outcome: done, or refused with its error. */
export const batchOutcome = z.object({ id: z.number().int(), ok: z.boolean(), error: batchError.nullable() });
export type BatchOutcome = z.infer<typeof batchOutcome>;

/** A batch action's answer: how many were done and refused, and each record's outcome in the order sent. */
export const batchResult = z.object({
  done: z.number().int(),
  refused: z.number().int(),
  results: z.array(batchOutcome),
});
export type BatchResult = z.infer<typeof batchResult>;
