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

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** Fields whose value differs between before and after; a create has before = {} and a removal after = {}. */
export function diffOf(before: Record<string, unknown>, after: Record<string, unknown>): Diff {
  const out: Diff = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const b = normalize(before[key]);
    const a = normalize(after[key]);
    // primitives compare directly; only objects and arrays need their canonical form
    const same = a === b || (isObject(a) && isObject(b) && canonicalJson(a) === canonicalJson(b));
    if (!same) out[key] = { before: b, after: a };
  }
  return out;
}

/** JSON with object keys sorted (by UTF-16 code units) and undefined members dropped. Hot in bulk imports. */
export function canonicalJson(v: unknown): string {
  if (v instanceof Date) return JSON.stringify(v.toISOString());
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ',' : '') + canonicalJson(v[i]);
    return out + ']';
  }
  const o = v as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const k of Object.keys(o).sort()) {
    if (o[k] === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(k) + ':' + canonicalJson(o[k]);
    first = false;
  }
  return out + '}';
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
