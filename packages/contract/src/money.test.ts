/**
 * Money parsing (万元, two decimals, exact): what `money` and `nonNegativeMoney` accept and how they
 * answer, and exact sums with `sum`. Expectations are written out by hand, not computed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money, nonNegativeMoney, sum } from './money.ts';

const SHAPE_MESSAGE = '金额应为数字，单位万元，最多两位小数';
const NEGATIVE_MESSAGE = '金额不能为负数';

const messagesOf = (schema: typeof money | typeof nonNegativeMoney, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues.map((i) => i.message);
};

describe('money', () => {
  const accepted: [string, unknown, string][] = [
    ['an integer number', 5000, '5000.00'],
    ['zero', 0, '0.00'],
    ['a number with one decimal', 12.5, '12.50'],
    ['a number with two decimals', 1000.01, '1000.01'],
    ['a negative number', -3.2, '-3.20'],
    ['an integer string', '5000', '5000.00'],
    ['a string with one decimal', '0.1', '0.10'],
    ['a string with two decimals', '1000.01', '1000.01'],
    ['a string with a thousands comma', '1,000.50', '1000.50'],
    ['a string with several commas', '12,345,678.9', '12345678.90'],
    ['a string with surrounding spaces', '  88.8 ', '88.80'],
    ['a negative string', '-0.01', '-0.01'],
    ['negative zero, as a string', '-0', '0.00'],
    ['negative zero, as a number', -0, '0.00'],
    ['the smallest amount', '0.01', '0.01'],
    ['14 integer digits', '12345678901234', '12345678901234.00'],
    ['14 integer digits and 2 decimals', '99999999999999.99', '99999999999999.99'],
    ['14 negative integer digits', '-99999999999999.99', '-99999999999999.99'],
    ['leading zeros', '007.5', '7.50'],
  ];
  it.each(accepted)('accepts %s: %j → %s', (_note, input, expected) => {
    expect(money.parse(input)).toBe(expected);
  });

  const refused: [string, unknown][] = [
    ['three decimals as a string', '1.001'],
    ['three decimals as a number', 12.345],
    ['a float sum with noise', 0.1 + 0.2],
    ['15 integer digits', '123456789012345'],
    ['15 integer digits with decimals', '100000000000000.00'],
    ['an exponent string', '1e3'],
    ['a huge number printed with an exponent', 1e21],
    ['a tiny number printed with an exponent', 1e-7],
    ['an empty string', ''],
    ['only spaces', '   '],
    ['a leading dot', '.5'],
    ['a trailing dot', '5.'],
    ['a plus sign', '+5'],
    ['a currency unit', '100万元'],
    ['letters', 'abc'],
    ['a space inside', '1 000'],
  ];
  it.each(refused)('refuses %s (%j) with a message that says how to write it', (_note, input) => {
    expect(messagesOf(money, input)).toEqual([SHAPE_MESSAGE]);
  });

  it.each([null, undefined, true, {}, ['1'], Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses the non-money value %j',
    (input) => {
      expect(money.safeParse(input).success).toBe(false);
    },
  );

  it('reads numbers through their decimal text, so 0.1 and 0.2 stay exact', () => {
    expect(money.parse(0.1)).toBe('0.10');
    expect(money.parse(0.2)).toBe('0.20');
    expect(money.parse(1.1)).toBe('1.10');
    expect(money.safeParse(2.675).success).toBe(false); // three decimals: refused, never rounded
  });

  it('answers every valid amount as its own exact 2-decimal text', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 99_999_999_999_999n }),
        fc.integer({ min: 0, max: 99 }),
        (negative, whole, cents) => {
          const text = `${negative ? '-' : ''}${whole}.${String(cents).padStart(2, '0')}`;
          const expected = negative && whole === 0n && cents === 0 ? '0.00' : text;
          expect(money.parse(text)).toBe(expected);
          // the same amount with thousands separators
          const grouped = `${negative ? '-' : ''}${whole.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
          expect(money.parse(grouped)).toBe(expected);
        },
      ),
    );
  });
});

describe('nonNegativeMoney', () => {
  it.each([
    [0, '0.00'],
    ['0', '0.00'],
    ['0.01', '0.01'],
    ['1,000.01', '1000.01'],
    [5000, '5000.00'],
    ['99999999999999.99', '99999999999999.99'],
    ['-0', '0.00'],
    ['-0.00', '0.00'],
  ])('accepts %j → %s', (input, expected) => {
    expect(nonNegativeMoney.parse(input)).toBe(expected);
  });

  it.each([['-0.01'], [-0.01], ['-1,000.00'], [-5000], ['-99999999999999.99']])(
    'refuses the negative amount %j',
    (input) => {
      expect(messagesOf(nonNegativeMoney, input)).toEqual([NEGATIVE_MESSAGE]);
    },
  );

  it('still refuses malformed amounts with the shape message', () => {
    expect(messagesOf(nonNegativeMoney, '1.001')).toEqual([SHAPE_MESSAGE]);
    expect(messagesOf(nonNegativeMoney, '123456789012345')).toEqual([SHAPE_MESSAGE]);
  });
});

describe('sum', () => {
  it('adds exactly: 0.1 + 0.2 is 0.30, not 0.30000000000000004', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sum(['0.1', '0.2']).toFixed(2)).toBe('0.30');
    expect(sum(['0.1', '0.2']).equals('0.3')).toBe(true);
    expect(sum([money.parse(0.1), money.parse(0.2)]).toFixed(2)).toBe('0.30');
  });

  it('is 0 for no values and handles negatives and large amounts', () => {
    expect(sum([]).toFixed(2)).toBe('0.00');
    expect(sum(['1000.01', '-0.01']).toFixed(2)).toBe('1000.00');
    expect(sum(['99999999999999.99', '0.01']).toFixed(2)).toBe('100000000000000.00');
  });

  it('twelve months of 0.01 … add up to the cent', () => {
    expect(sum(Array<string>(12).fill('0.01')).toFixed(2)).toBe('0.12');
    expect(sum(Array<string>(10).fill('0.10')).toFixed(2)).toBe('1.00');
  });

  it('equals the integer sum of cents for any list of amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 16n - 1n }), { maxLength: 30 }), (cents) => {
        const texts = cents.map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
        const total = cents.reduce((a, b) => a + b, 0n);
        const expected = `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
        expect(sum(texts).toFixed(2)).toBe(expected);
      }),
    );
  });
});
