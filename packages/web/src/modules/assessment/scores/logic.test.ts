// The scores pages' rules: periods and their drill-down, four eyes on manual rows and exemptions,
// who may ask an exemption, points and 序时完成率 as read.
import { describe, expect, it } from 'vitest';
import { schemeUpdate, type Me, type ScoreRow } from '@ducha/contract';
import {
  boardPeriod,
  defaultMonth,
  ledgerLink,
  mayAskExemption,
  mayDecideExemption,
  mayDecideRow,
  paceText,
  parsePeriod,
  periodMonths,
  recomputableMonths,
  periodOf,
  signedPoints,
} from './logic.ts';
import { issuesToFields, schemeToValues, valuesToBody } from './schemeForm.ts';

const me = (role: Me['role'], id = 1, unitId: number | null = null): Me => ({
  id,
  username: 'u',
  displayName: '王五',
  role,
  regionCode: '230600',
  regionName: '大庆市',
  unitId,
  unitName: null,
  mustChangePassword: false,
  permissions: ['score.read', 'score.write'],
});

describe('periods', () => {
  it.each([
    [{ kind: 'month', year: 2026, part: 3 }, '2026-03'],
    [{ kind: 'month', year: 2026, part: 12 }, '2026-12'],
    [{ kind: 'half', year: 2026, part: 1 }, '2026-H1'],
    [{ kind: 'half', year: 2026, part: 2 }, '2026-H2'],
    [{ kind: 'year', year: 2026, part: 1 }, '2026'],
  ] as const)('%o is %s and back', (pick, s) => {
    expect(periodOf(pick)).toBe(s);
    expect(parsePeriod(s)).toEqual(pick);
  });
  it.each(['2026-13', '2026-00', '2026-H3', '26-01', '', null, '2026-1'])('%s is no period', (s) =>
    expect(parsePeriod(s)).toBeNull(),
  );
  it.each([
    ['2026-05', [5, 5]],
    ['2026-H1', [1, 6]],
    ['2026-H2', [7, 12]],
    ['2026', [1, 12]],
  ] as const)('%s covers months %o', (s, months) => expect(periodMonths(parsePeriod(s)!)).toEqual(months));
  it.each([
    ['2026', '2026-12-03', [1, 12]],
    ['2026', '2026-07-01', [1, 7]],
    ['2026', '2026-01-31', [1, 1]],
    ['2026-H2', '2026-07-01', [7, 7]],
    ['2026-H2', '2026-06-30', null],
    ['2026-H1', '2026-12-03', [1, 6]],
    ['2026-H1', '2026-03-15', [1, 3]],
    ['2025', '2026-01-02', [1, 12]],
    ['2027', '2026-12-31', null],
    ['2026-11', '2026-11-01', [11, 11]],
    ['2026-12', '2026-11-30', null],
  ] as const)('%s recomputed on %s: months %o', (s, today, months) =>
    expect(recomputableMonths(parsePeriod(s)!, today)).toEqual(months),
  );
  it('last month is the default; January goes back to the December before', () => {
    expect(defaultMonth('2026-12-03')).toEqual({ kind: 'month', year: 2026, part: 11 });
    expect(defaultMonth('2026-01-15')).toEqual({ kind: 'month', year: 2025, part: 12 });
  });
});

describe('a score drills down to its ledger rows', () => {
  it('a month: the unit, the year and the month', () =>
    expect(ledgerLink(7, '2026-11')).toBe('/scores/ledger?unitId=7&year=2026&month=11'));
  it('a half year or the year: the unit and the year', () => {
    expect(ledgerLink(7, '2026-H2')).toBe('/scores/ledger?unitId=7&year=2026');
    expect(ledgerLink(7, '2026')).toBe('/scores/ledger?unitId=7&year=2026');
  });
  it('keeps the region', () =>
    expect(ledgerLink(7, '2026-01', '230600')).toBe(
      '/scores/ledger?unitId=7&year=2026&month=1&regionCode=230600',
    ));
});

describe('four eyes on a manual row', () => {
  const row = { source: 'manual', status: 'pending', createdById: 2 } as const;
  it('someone else of the office, a leader or the admin decides', () => {
    expect(mayDecideRow(row, me('office'))).toBe(true);
    expect(mayDecideRow(row, me('leader'))).toBe(true);
    expect(mayDecideRow(row, me('admin'))).toBe(true);
  });
  it('not its author, even under another name', () => expect(mayDecideRow(row, me('office', 2))).toBe(false));
  it('someone of the same name is someone else', () => expect(mayDecideRow(row, me('office', 3))).toBe(true));
  it('not unit staff', () => expect(mayDecideRow(row, me('unit'))).toBe(false));
  it('only while pending, only manual rows', () => {
    expect(mayDecideRow({ ...row, status: 'effective' }, me('office'))).toBe(false);
    expect(mayDecideRow({ ...row, status: 'rejected' }, me('office'))).toBe(false);
    expect(mayDecideRow({ ...row, source: 'generated' }, me('office'))).toBe(false);
  });
});

type Exemption = NonNullable<ScoreRow['exemption']>;
const exemption = (status: Exemption['status'], requestedById = 2): Exemption => ({
  status,
  reason: '不可抗力',
  requestedBy: '李四',
  requestedById,
  requestedAt: '2026-11-05T00:00:00Z',
  decidedBy: null,
  decidedAt: null,
  note: null,
});

describe('exemptions', () => {
  it('a requested exemption is decided by someone other than the asker', () => {
    expect(mayDecideExemption({ exemption: exemption('requested') }, me('office'))).toBe(true);
    expect(mayDecideExemption({ exemption: exemption('requested', 1) }, me('office'))).toBe(false);
    expect(mayDecideExemption({ exemption: exemption('requested') }, me('unit'))).toBe(false);
    expect(mayDecideExemption({ exemption: exemption('approved') }, me('office'))).toBe(false);
    expect(mayDecideExemption({ exemption: null }, me('office'))).toBe(false);
  });
  const deduction = { status: 'effective', points: '-2.00', exemption: null, unitId: 9 } as const;
  it('asked on an effective deduction by the office or the unit itself', () => {
    expect(mayAskExemption(deduction, me('office'))).toBe(true);
    expect(mayAskExemption(deduction, me('unit', 5, 9))).toBe(true);
    expect(mayAskExemption(deduction, me('unit', 5, 8))).toBe(false);
    expect(mayAskExemption(deduction, me('leader'))).toBe(false);
  });
  it('not on a bonus, a zero, a pending row, or one already asked or granted', () => {
    expect(mayAskExemption({ ...deduction, points: '0.50' }, me('office'))).toBe(false);
    expect(mayAskExemption({ ...deduction, points: '0.00' }, me('office'))).toBe(false);
    expect(mayAskExemption({ ...deduction, status: 'pending' }, me('office'))).toBe(false);
    expect(mayAskExemption({ ...deduction, exemption: exemption('requested') }, me('office'))).toBe(false);
    expect(mayAskExemption({ ...deduction, exemption: exemption('approved') }, me('office'))).toBe(false);
  });
  it('asked again after a refusal', () =>
    expect(mayAskExemption({ ...deduction, exemption: exemption('rejected') }, me('office'))).toBe(true));
});

describe('as read', () => {
  it.each([
    ['-2.00', '−2.00'],
    ['0.50', '+0.50'],
    ['0.00', '0.00'],
    ['-0.00', '0.00'],
    ['12', '+12.00'],
  ])('points %s read %s', (p, s) => expect(signedPoints(p)).toBe(s));
  it.each([
    ['0.6200', '62.0%'],
    ['0.5999', '59.9%'], // cut, never 60.0% under a 60% line
    ['1.0000', '100.0%'],
    ['1.2345', '123.4%'],
    [null, '-'],
  ])('序时完成率 %s reads %s', (p, s) => expect(paceText(p)).toBe(s));
});

describe('the scheme editor', () => {
  const config = {
    baseScore: '100.00',
    rules: [
      {
        code: 'report_late',
        enabled: true,
        points: '-1.00',
        cap: '5.00',
        perItemCap: null,
        weight: '1.0000',
      },
    ],
    groups: [{ code: 'county', name: '县(市、区)和园区', unitIds: [1, 2] }],
    tieRule: 'fewer_deductions',
    board: { redSize: 5, blackSize: 4, redMinPace: '1.0000', blackBelowPace: '1.0000' },
    cards: { yellowBelowPace: '0.6000', redAfterYellows: 2, redOnReferral: true },
  } as const;
  const scheme = { name: '2026年考核', notes: '', config: structuredClone(config) as never };
  it('no cap is a blank field and goes back as null; a cap stays', () => {
    const v = schemeToValues(scheme);
    expect(v.config.rules[0]).toMatchObject({ cap: '5.00', perItemCap: '' });
    const body = valuesToBody(v, 3);
    expect(body.version).toBe(3);
    expect(body.config.rules[0]).toMatchObject({ cap: '5.00', perItemCap: null });
    v.config.rules[0]!.cap = '  ';
    expect(valuesToBody(v, 3).config.rules[0]!.cap).toBeNull();
  });
  it('the body passes the contract as it came', () =>
    expect(schemeUpdate.safeParse(valuesToBody(schemeToValues(scheme), 1)).success).toBe(true));
  it('a bad value lands on its field', () => {
    const v = schemeToValues(scheme);
    v.config.rules[0]!.points = 'abc';
    const r = schemeUpdate.safeParse(valuesToBody(v, 1));
    expect(r.success).toBe(false);
    expect(issuesToFields(r.error!.issues).map((f) => f.name)).toEqual([['config', 'rules', 0, 'points']]);
  });
  it('a unit in two groups lands on the second group', () => {
    const v = schemeToValues(scheme);
    v.config.groups = [...v.config.groups, { code: 'dept', name: '市直部门', unitIds: [2] }];
    const r = schemeUpdate.safeParse(valuesToBody(v, 1));
    expect(r.success).toBe(false);
    expect(issuesToFields(r.error!.issues).map((f) => f.name)).toEqual([['config', 'groups', 1, 'unitIds']]);
  });
  it('messages on one field are kept together; the version is no field', () =>
    expect(
      issuesToFields([
        { path: ['name'], message: 'a' },
        { path: ['name'], message: 'b' },
        { path: ['version'], message: 'c' },
      ]),
    ).toEqual([{ name: ['name'], errors: ['a', 'b'] }]));
});

describe("the board's period", () => {
  it('the address first', () =>
    expect(boardPeriod('2026-H1', ['2026-10'], '2026-12-03')).toEqual({ kind: 'half', year: 2026, part: 1 }));
  it('else the latest month with a ledger, whatever the order', () =>
    expect(boardPeriod(null, ['2026-10', '2026-02', '2026-09'], '2026-12-03')).toEqual({
      kind: 'month',
      year: 2026,
      part: 10,
    }));
  it('a bad address is no address', () =>
    expect(boardPeriod('2026-13', ['2026-10'], '2026-12-03')).toEqual({
      kind: 'month',
      year: 2026,
      part: 10,
    }));
  it('else last month', () =>
    expect(boardPeriod(null, [], '2026-12-03')).toEqual({ kind: 'month', year: 2026, part: 11 }));
});
