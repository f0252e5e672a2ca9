/**
 * The ledger engine's pure rules, table-driven at and around every threshold: each default rule's
 * rows and reasons, per-item caps, unit-month caps (cap rows give back exactly the excess: the rule
 * then adds ±cap, property-checked), the pace row's bound, weights, disabled rules, only grouped units.
 */
import { Decimal, type SchemeConfig, type SchemeRule } from '@ducha/contract';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSchemeConfig } from './default-scheme.ts';
import { buildRows, noFacts, paceRow, unitMonths, type MonthFacts, type RowDraft } from './rules.ts';

const U = 11; // assessed
const OUT = 99; // in no group
const base = defaultSchemeConfig([]);
const config = (patch: Partial<Record<SchemeRule['code'], Partial<SchemeRule>>> = {}): SchemeConfig => ({
  ...base,
  groups: [{ code: 'dept', name: '部门', unitIds: [U, 12] }],
  rules: base.rules.map((r) => ({ ...r, ...patch[r.code] })),
});
const empty = noFacts(2026, 10);
const facts = (f: Partial<MonthFacts>): MonthFacts => ({ ...empty, ...f });
const report = (projectId: number, state: 'late' | 'missing', unitId: number | null = U) => ({
  projectId,
  projectName: `项目${projectId}`,
  unitId,
  reportId: state === 'late' ? projectId * 10 : null,
  state,
  deadline: '2026-11-09',
  submitted: state === 'late' ? '2026-11-12' : null,
});
const item = (itemId: number, days: number, unitId = U) => ({
  itemId,
  code: `DB-${itemId}`,
  title: '征地拆迁滞后',
  unitId,
  projectId: 5,
  dueDate: '2026-09-30',
  days,
});
const sum = (rows: RowDraft[]) => rows.reduce((s, r) => s.plus(r.points), new Decimal(0)).toFixed(2);
const keys = (rows: RowDraft[]) => rows.map((r) => `${r.factKey}=${r.points}`);

describe('each default rule', () => {
  it('late and missing reports deduct 1 and 2 from the lead unit, keyed by project', () => {
    const rows = buildRows(facts({ reports: [report(1, 'late'), report(2, 'missing')] }), config());
    expect(keys(rows)).toEqual(['report_late:p1=-1.00', 'report_missing:p2=-2.00']);
    expect(rows[0]).toMatchObject({ causeKind: 'report', causeId: 10, projectId: 1, unitId: U });
    expect(rows[0]!.reason).toBe(
      '项目「项目1」10月月报迟报(截止 2026-11-09，2026-11-12 报送)：−1.00 = −1.00',
    );
    expect(rows[1]).toMatchObject({ causeKind: 'report', causeId: null, projectId: 2 });
    expect(rows[1]!.reason).toContain('10月月报漏报');
  });

  it('a red light and a referral deduct 2 and 5, opening the project', () => {
    const rows = buildRows(
      facts({ lights: [{ projectId: 3, projectName: '化工园', unitId: U, red: true, referral: true }] }),
      config(),
    );
    expect(keys(rows)).toEqual(['red_light:p3=-2.00', 'referral:p3=-5.00']);
    expect(rows.every((r) => r.causeKind === 'light' && r.causeId === 3)).toBe(true);
    expect(rows[1]!.reason).toContain('移送问责');
  });

  it.each([
    [1, '-0.20'],
    [9, '-1.80'],
    [10, '-2.00'], // at the per-item cap
    [11, '-2.00'], // past it: bounded in the row
    [22, '-2.00'],
  ])('an item overdue %i working days deducts %s', (days, points) => {
    const [row] = buildRows(facts({ overdueItems: [item(7, days)] }), config());
    expect(row).toMatchObject({ factKey: 'item_overdue:i7', points, causeKind: 'item', causeId: 7 });
    expect(row!.reason).toContain(`逾期 ${days} 个工作日`);
    expect(row!.reason.includes('封顶 2.00 分')).toBe(days > 10);
  });

  it('an item closed out by its deadline adds 0.50', () => {
    const rows = buildRows(
      facts({
        closedItems: [
          {
            itemId: 8,
            code: 'DB-8',
            title: '用电报装',
            unitId: U,
            projectId: null,
            dueDate: '2026-10-31',
            closedOn: '2026-10-20',
          },
        ],
      }),
      config(),
    );
    expect(keys(rows)).toEqual(['item_early_close:i8=0.50']);
  });

  it('an absence without reason deducts 1 from the absent unit', () => {
    const rows = buildRows(
      facts({ absences: [{ meetingId: 4, title: '月度调度会', heldOn: '2026-10-15', unitId: U }] }),
      config(),
    );
    expect(keys(rows)).toEqual([`meeting_absence:m4:u${U}=-1.00`]);
    expect(rows[0]!.reason).toBe('2026-10-15「月度调度会」无故缺席：−1.00 = −1.00');
  });
});

describe('investment pace: 10 × (ratio − 1) within ±5', () => {
  const rule = base.rules.find((r) => r.code === 'investment_pace')!;
  it.each([
    ['0.6200', '-3.80'],
    ['1.0000', '0.00'],
    ['1.0001', '0.00'],
    ['1.0050', '0.05'],
    ['0.5000', '-5.00'], // at the bound
    ['0.4999', '-5.00'], // past it
    ['1.5000', '5.00'],
    ['2.3000', '5.00'],
    ['0.0000', '-5.00'],
  ])('ratio %s gives %s', (pace, points) => {
    expect(paceRow(rule, pace, U).points).toBe(points);
  });
  it('reads as the formula', () => {
    expect(paceRow(rule, '0.6200', U).reason).toBe('序时完成率 62.00%，10.00 × (0.6200 − 1) = −3.80');
    expect(paceRow(rule, '0.3000', U).reason).toContain('封顶 ±5.00 分：−5.00');
  });
  it('a unit without a plan has no pace row', () => {
    const f = facts({ paces: [{ unitId: U, planned: '0.00', done: '0.00', pace: null }] });
    expect(buildRows(f, config())).toEqual([]);
  });
});

describe('caps per unit and month', () => {
  const late = (n: number, unitId = U) => Array.from({ length: n }, (_, i) => report(i + 1, 'late', unitId));
  it.each([
    [4, null],
    [5, null], // exactly the cap: no cap row
    [6, '1.00'],
    [9, '4.00'],
  ])('%i late reports (cap 5): cap row %s', (n, back) => {
    const rows = buildRows(facts({ reports: late(n) }), config());
    const cap = rows.find((r) => r.factKey === `cap:report_late:u${U}`);
    expect(cap?.points ?? null).toBe(back);
    expect(sum(rows)).toBe(new Decimal(-Math.min(n, 5)).toFixed(2));
  });
  it('the cap row explains itself and the caps are per unit', () => {
    const rows = buildRows(
      facts({ reports: [...late(7), ...late(2, 12).map((r) => ({ ...r, projectId: r.projectId + 100 }))] }),
      config(),
    );
    const caps = rows.filter((r) => r.factKey.startsWith('cap:'));
    expect(caps).toHaveLength(1);
    expect(caps[0]!.reason).toBe('本月该项扣分合计 −7.00，超过封顶 5.00 分的部分不计：+2.00');
  });
  it('bonuses are capped too', () => {
    const closed = Array.from({ length: 12 }, (_, i) => ({
      itemId: i + 1,
      code: `DB-${i}`,
      title: 't',
      unitId: U,
      projectId: null,
      dueDate: '2026-10-31',
      closedOn: '2026-10-01',
    }));
    const rows = buildRows(facts({ closedItems: closed }), config());
    expect(rows.at(-1)).toMatchObject({ factKey: `cap:item_early_close:u${U}`, points: '-1.00' });
    expect(sum(rows)).toBe('5.00');
  });
  it('item_overdue: the per-item cap first, then the unit cap of 10', () => {
    const rows = buildRows(
      facts({ overdueItems: Array.from({ length: 6 }, (_, i) => item(i + 1, 20)) }),
      config(),
    );
    expect(sum(rows)).toBe('-10.00');
    expect(rows.at(-1)).toMatchObject({ factKey: `cap:item_overdue:u${U}`, points: '2.00' });
  });
  it('a rule without cap (referral) adds every row', () => {
    const lights = Array.from({ length: 4 }, (_, i) => ({
      projectId: i + 1,
      projectName: 'p',
      unitId: U,
      red: false,
      referral: true,
    }));
    expect(sum(buildRows(facts({ lights }), config()))).toBe('-20.00');
  });
  it('property: any rows of a capped rule sum to at most the cap, cap rows are the excess', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }),
        fc.integer({ min: 1, max: 2000 }).map((c) => new Decimal(c).div(100).toFixed(2)),
        (days, cap) => {
          const cfg = config({ item_overdue: { cap, perItemCap: null } });
          const rows = buildRows(facts({ overdueItems: days.map((d, i) => item(i + 1, d)) }), cfg);
          const plain = rows.filter((r) => !r.factKey.startsWith('cap:'));
          const raw = plain.reduce((s, r) => s.plus(r.points), new Decimal(0));
          const total = new Decimal(sum(rows));
          expect(total.abs().lte(cap)).toBe(true);
          expect(total.eq(raw.abs().gt(cap) ? new Decimal(cap).neg() : raw)).toBe(true);
          expect(rows.filter((r) => r.factKey.startsWith('cap:')).length).toBe(raw.abs().gt(cap) ? 1 : 0);
        },
      ),
    );
  });
});

describe('configuration', () => {
  it('weight multiplies the points (and is shown)', () => {
    const rows = buildRows(
      facts({ reports: [report(1, 'missing')] }),
      config({ report_missing: { weight: '1.5000' } }),
    );
    expect(rows[0]!.points).toBe('-3.00');
    expect(rows[0]!.reason).toContain('× 权重 1.5');
  });
  it('weighted rows are capped on their weighted total', () => {
    const reports = [1, 2, 3, 4].map((p) => report(p, 'late'));
    expect(sum(buildRows(facts({ reports }), config({ report_late: { weight: '2.0000' } })))).toBe('-5.00');
  });
  it('a disabled rule produces nothing', () => {
    const rows = buildRows(
      facts({ reports: [report(1, 'late'), report(2, 'missing')] }),
      config({ report_late: { enabled: false } }),
    );
    expect(keys(rows)).toEqual(['report_missing:p2=-2.00']);
  });
  it('a rule missing from the config produces nothing', () => {
    const cfg = { ...config(), rules: config().rules.filter((r) => r.code !== 'meeting_absence') };
    expect(
      buildRows(facts({ absences: [{ meetingId: 1, title: 'm', heldOn: '2026-10-01', unitId: U }] }), cfg),
    ).toEqual([]);
  });
  it('only units in a group are assessed (and a project without lead unit is nobody’s)', () => {
    const rows = buildRows(
      facts({ reports: [report(1, 'late', OUT), report(2, 'late', null), report(3, 'late')] }),
      config(),
    );
    expect(keys(rows)).toEqual(['report_late:p3=-1.00']);
  });
  it('unit months list every grouped unit, with or without a plan', () => {
    const f = facts({
      paces: [
        { unitId: U, planned: '100', done: '62', pace: '0.6200' },
        { unitId: OUT, planned: '1', done: '1', pace: '1.0000' },
      ],
    });
    expect(unitMonths(f, config())).toEqual([
      { unitId: U, planned: '100.00', done: '62.00', pace: '0.6200' },
      { unitId: 12, planned: '0.00', done: '0.00', pace: null },
    ]);
  });
});
