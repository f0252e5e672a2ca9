/**
 * The pure parts of the audit trail: field diffs, canonical JSON (the hash must survive the jsonb
 * round-trip, which reorders keys), and the event hash that chains every event to the one before.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, diffOf, eventHash, type ChainedFields } from './chain.ts';

describe('diffOf', () => {
  it('keeps only the fields that changed, with before and after', () => {
    expect(
      diffOf(
        { name: '市发改委', phone: '0459-1', active: true },
        { name: '市发改委', phone: '0459-2', active: true },
      ),
    ).toEqual({
      phone: { before: '0459-1', after: '0459-2' },
    });
  });

  it('returns an empty diff when nothing changed', () => {
    expect(diffOf({ a: 1, b: 'x', c: null, d: [1, 2] }, { a: 1, b: 'x', c: null, d: [1, 2] })).toEqual({});
  });

  it('a create has every field with before null; a removal every field with after null', () => {
    expect(diffOf({}, { name: '林甸县', level: 'county' })).toEqual({
      name: { before: null, after: '林甸县' },
      level: { before: null, after: 'county' },
    });
    expect(diffOf({ name: '林甸县' }, {})).toEqual({ name: { before: '林甸县', after: null } });
  });

  it('treats undefined and missing as null, so null → undefined is no change', () => {
    expect(diffOf({ a: null }, { a: undefined })).toEqual({});
    expect(diffOf({ a: null }, {})).toEqual({});
    expect(diffOf({ a: undefined }, {})).toEqual({});
    expect(diffOf({}, { a: undefined })).toEqual({});
  });

  it('distinguishes null from falsy values and numbers from numeric strings', () => {
    expect(diffOf({ a: null }, { a: '' })).toEqual({ a: { before: null, after: '' } });
    expect(diffOf({ a: null }, { a: 0 })).toEqual({ a: { before: null, after: 0 } });
    expect(diffOf({ a: undefined }, { a: false })).toEqual({ a: { before: null, after: false } });
    expect(diffOf({ a: 0 }, { a: '0' })).toEqual({ a: { before: 0, after: '0' } });
    expect(diffOf({ a: true }, { a: false })).toEqual({ a: { before: true, after: false } });
  });

  it('normalizes Dates to ISO strings, so a Date equals its ISO string', () => {
    const at = new Date('2026-03-27T08:00:00.000Z');
    expect(diffOf({ lockedUntil: at }, { lockedUntil: '2026-03-27T08:00:00.000Z' })).toEqual({});
    expect(diffOf({ lockedUntil: null }, { lockedUntil: at })).toEqual({
      lockedUntil: { before: null, after: '2026-03-27T08:00:00.000Z' },
    });
    const later = new Date(at.getTime() + 1);
    expect(diffOf({ at }, { at: later })).toEqual({
      at: { before: '2026-03-27T08:00:00.000Z', after: '2026-03-27T08:00:00.001Z' },
    });
  });

  it('compares nested objects by content, whatever the key order; arrays by order', () => {
    expect(diffOf({ o: { a: 1, b: { c: 2, d: 3 } } }, { o: { b: { d: 3, c: 2 }, a: 1 } })).toEqual({});
    expect(diffOf({ o: { a: 1, b: 2 } }, { o: { a: 1, b: 3 } })).toEqual({
      o: { before: { a: 1, b: 2 }, after: { a: 1, b: 3 } },
    });
    expect(diffOf({ l: [1, 2] }, { l: [2, 1] })).toEqual({ l: { before: [1, 2], after: [2, 1] } });
    expect(diffOf({ o: { a: 1, x: undefined } }, { o: { a: 1 } })).toEqual({});
  });

  it('property: a field is in the diff exactly when its canonical value changed', () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.boolean(),
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom('', 'a', '0'),
    );
    const key = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.dictionary(key, value), (before, after) => {
        const diff = diffOf(before, after);
        for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
          const b = before[k] ?? null;
          const a = after[k] ?? null;
          if (b === a) expect(diff).not.toHaveProperty(k);
          else expect(diff[k]).toEqual({ before: b, after: a });
        }
        expect(Object.keys(diff).every((k) => k in before || k in after)).toBe(true);
      }),
    );
  });
});

/** Rebuilds a JSON value with every object's keys in a different order (seeded shuffle). */
function reorder(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x, i) => reorder(x, seed + i + 1));
  if (v === null || typeof v !== 'object') return v;
  const entries = Object.entries(v as Record<string, unknown>);
  let s = seed >>> 0 || 1;
  for (let i = entries.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries.map(([k, x]) => [k, reorder(x, s + k.length)]));
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined object fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null }, u: undefined })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('writes scalars as JSON, undefined as null (also inside arrays, as JSON.stringify does)', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson('说"明"\n')).toBe(JSON.stringify('说"明"\n'));
    expect(canonicalJson([1, undefined, 'x'])).toBe('[1,null,"x"]');
    expect(canonicalJson([1, undefined, 'x'])).toBe(JSON.stringify([1, undefined, 'x']));
  });

  it('property: independent of key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (v, seed) => {
        expect(canonicalJson(reorder(v, seed))).toBe(canonicalJson(v));
      }),
    );
  });

  it('property: is valid JSON for the same value, and stable through a JSON (jsonb-like) round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        const parsed: unknown = JSON.parse(text);
        expect(canonicalJson(parsed)).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(v)))).toBe(text);
      }),
    );
  });
});

describe('eventHash', () => {
  const base: ChainedFields = {
    seq: 42,
    at: new Date('2026-04-10T02:00:00.123Z'),
    actorId: 2,
    actorName: '汤子涵',
    entity: 'position',
    entityId: '17',
    action: 'change_holder',
    diff: { holderId: { before: 5, after: 9 } },
    reason: '工作调动',
    requestId: 'req-00000001',
  };
  const prev = 'a'.repeat(64);

  it('is a sha256 hex digest, deterministic', () => {
    expect(eventHash(prev, base)).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(prev, { ...base, at: new Date(base.at.getTime()) })).toBe(eventHash(prev, base));
  });

  it('does not change when the diff comes back from jsonb with its keys reordered', () => {
    const diff = {
      zeta: { after: 2, before: 1 },
      alpha: { before: { y: 1, x: [1, { b: 2, a: 1 }] }, after: null },
    };
    const roundTripped = JSON.parse(JSON.stringify(reorder(diff, 99))) as ChainedFields['diff'];
    expect(eventHash(prev, { ...base, diff: roundTripped })).toBe(eventHash(prev, { ...base, diff }));
  });

  /** One change per field, each guaranteed to differ from the original value. */
  const changes: Record<string, (e: ChainedFields, n: number) => ChainedFields> = {
    seq: (e, n) => ({ ...e, seq: e.seq + 1 + n }),
    at: (e, n) => ({ ...e, at: new Date(e.at.getTime() + 1 + n) }),
    actorId: (e, n) => ({ ...e, actorId: n % 2 ? null : (e.actorId ?? 0) + 1 + n }),
    actorName: (e, n) => ({ ...e, actorName: n % 2 ? null : `${e.actorName}x${n}` }),
    entity: (e, n) => ({ ...e, entity: `${e.entity}${n}x` }),
    entityId: (e, n) => ({ ...e, entityId: `${e.entityId}${n}` }),
    action: (e, n) => ({ ...e, action: `${e.action}_${n}` }),
    diff: (e, n) => ({ ...e, diff: { ...e.diff, extra: { before: null, after: n } } }),
    diffValue: (e, n) => ({ ...e, diff: { holderId: { before: 5, after: 10 + n } } }),
    reason: (e, n) => ({ ...e, reason: n % 2 ? null : `${e.reason}${n}` }),
    requestId: (e, n) => ({ ...e, requestId: n % 2 ? null : `${e.requestId}${n}` }),
  };

  it('property: changing any single field changes the hash', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(changes)), fc.nat(1000), (field, n) => {
        const changed = changes[field]!(base, n);
        expect(eventHash(prev, changed)).not.toBe(eventHash(prev, base));
      }),
    );
  });

  it('property: changing the previous hash changes the hash (the chain links)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (other) => {
        fc.pre(other !== prev);
        expect(eventHash(other, base)).not.toBe(eventHash(prev, base));
      }),
    );
  });

  it('null and the string "null" are different values', () => {
    expect(eventHash(prev, { ...base, reason: null })).not.toBe(eventHash(prev, { ...base, reason: 'null' }));
    expect(eventHash(prev, { ...base, actorName: null })).not.toBe(
      eventHash(prev, { ...base, actorName: '' }),
    );
  });
});
