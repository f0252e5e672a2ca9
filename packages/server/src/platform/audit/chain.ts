/**
 * Pure parts of the audit trail: the field diff of a change, and the hash that chains each event
 * to the one before it. Canonical JSON (sorted keys) so the jsonb round-trip does not change hashes.
 */
import { createHash } from 'node:crypto';

export type Diff = Record<string, { before: unknown; after: unknown }>;

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v === undefined) return null;
  return v;
}

/** Fields whose value differs between before and after; a create has before = {} and a removal after = {}. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): Diff {
  const out: Diff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = normalize(before[key]);
    const a = normalize(after[key]);
    if (canonicalJson(b) !== canonicalJson(a)) out[key] = { before: b, after: a };
  }
  return out;
}

export function canonicalJson(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, x]) => x !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: number | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  diff: Diff;
  reason: string | null;
  requestId: string | null;
}

export function eventHash(prevHash: string, e: ChainedFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
