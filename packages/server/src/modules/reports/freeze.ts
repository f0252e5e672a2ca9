/**
 * Whether a month is published (frozen) for a project's region. Month closes belong to the lights
 * module, which depends on this one; so the lights module tells this one how to ask
 * (`whenMonthPublished`, set once when it loads) and reports never name its tables. Until then no
 * month is published.
 */
import type { Executor } from '../../db/connection.ts';

/** True when month y-m is published by a close of the region at `regionPath` or a region above it. */
export type PublishedCheck = (db: Executor, regionPath: string, y: number, m: number) => Promise<boolean>;

let check: PublishedCheck = async () => false;

export function whenMonthPublished(f: PublishedCheck): void {
  check = f;
}

export const monthPublished: PublishedCheck = (db, regionPath, y, m) => check(db, regionPath, y, m);
