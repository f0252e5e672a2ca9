/**
 * RFC 3797 in TypeScript: the IETF's worked example (§6) reproduced exactly, the key string's
 * canonicalisation rules (§4), and properties of the selection (distinct, in the pool, determined
 * by the key, sources' number order irrelevant unless it matters). Expectations written by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  canonicalValue,
  keyString,
  selectFromPool,
  selectionHash,
  sha256Of,
} from './rfc3797.ts';

const K = '17.20.22.35.36.38.48./90193202./55598744./9.10.11.17.21.48.50./';

describe('RFC 3797 §6 worked example', () => {
  it('builds the key string from the four sources', () => {
    expect(
      keyString([
        { values: ['48', '36', '17', '22', '38', '20', '35'] },
        { values: ['90193202'] },
        { values: ['55598744'] },
        { values: ['50', '9', '11', '10', '48', '21', '17'] },
      ]),
    ).toBe(K);
  });

  it('selects 90, 25, 92, 126, 24, 31, 122, 96, 81, 132, 2, 41 out of 134', () => {
    const s = selectFromPool(K, 134, 12);
    expect(s.map((x) => x.pick)).toEqual([90, 25, 92, 126, 24, 31, 122, 96, 81, 132, 2, 41]);
    expect(s.map((x) => x.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('hashes MD5(u16be(i) ‖ K ‖ u16be(i)) as the example prints them', () => {
    expect(selectionHash(K, 0)).toBe('CA30D5996DE35BA57B393541328C4159');
    expect(selectionHash(K, 1)).toBe('B3EDA7607645301CCCA475B92DA143D3');
    expect(selectionHash(K, 11)).toBe('6168D40CF2EB896E0E13AF709E8998B2');
    // the 128-bit value mod the remaining count gives the (0-based) index among the unpicked
    expect(Number(BigInt('0xCA30D5996DE35BA57B393541328C4159') % 134n) + 1).toBe(90);
  });
});

describe('key string canonicalisation', () => {
  it.each([
    ['007', '7'],
    ['0', '0'],
    ['000', '0'],
    [' 12 ', '12'],
    ['3367.91', '336791'],
    ['0.50', '50'],
    ['ab c-1', 'ABC1'],
  ])('value %j → %j', (raw, want) => expect(canonicalValue(raw)).toBe(want));

  it('refuses a value with nothing left', () => expect(() => canonicalValue('—')).toThrow('无法规范化'));

  it('sorts numbers as numbers, keeps an ordered source as drawn, ends each source by "/"', () => {
    expect(keyString([{ values: ['10', '9', '100'] }])).toBe('9.10.100./');
    expect(keyString([{ values: ['10', '9', '100'], ordered: true }])).toBe('10.9.100./');
    expect(keyString([{ values: ['02', '1'] }, { values: ['3'] }])).toBe('1.2./3./');
  });
});

describe('selection properties', () => {
  const arb = fc.record({
    key: fc.string({ minLength: 1, maxLength: 40 }),
    pool: fc.integer({ min: 1, max: 60 }),
    frac: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  it('picks are distinct, within 1..pool, and the same for the same key', () => {
    fc.assert(
      fc.property(arb, ({ key, pool, frac }) => {
        const count = Math.round(pool * frac);
        const a = selectFromPool(key, pool, count).map((s) => s.pick);
        expect(new Set(a).size).toBe(count);
        expect(a.every((p) => p >= 1 && p <= pool)).toBe(true);
        expect(selectFromPool(key, pool, count).map((s) => s.pick)).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });

  it('the order of an unordered source does not matter; an ordered one does', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 99 }), { minLength: 2, maxLength: 8 }), (ns) => {
        const values = ns.map(String);
        const reversed = [...values].reverse();
        expect(keyString([{ values }])).toBe(keyString([{ values: reversed }]));
        if (values.join() !== reversed.join() && new Set(values).size > 1)
          expect(keyString([{ values, ordered: true }])).not.toBe(
            keyString([{ values: reversed, ordered: true }]),
          );
      }),
    );
  });

  it('refuses to draw more than the pool holds', () => {
    expect(() => selectFromPool(K, 3, 4)).toThrow('候选只有 3 个');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined, keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'x', c: null }, 2], e: undefined })).toBe(
      '{"a":[{"c":null,"d":"x"},2],"b":1}',
    );
    expect(sha256Of({ a: 1 })).toBe(sha256Of({ a: 1 }));
    expect(sha256Of({ a: 1 })).not.toBe(sha256Of({ a: 2 }));
    // sha256 of '{"a":1}'
    expect(sha256Of({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
  });
});
