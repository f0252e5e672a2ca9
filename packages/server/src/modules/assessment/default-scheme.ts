/**
 * The default assessment scheme (docs/assessment.md), from seeds 002 (Ziyang: red lights and
 * accountability deduct), 003 (Xiamen: 红黑榜 monthly, 红黄牌) and 004 (Chuxiong: monthly reporting
 * counts), and Mianyang's two ranking groups (counties and parks; city departments and state firms:
 * 红榜 plan exceeded and top five, 黑榜 plan missed and bottom four).
 */
import type { SchemeConfig, SchemeRule } from '@ducha/contract';

const rule = (
  code: SchemeRule['code'],
  points: string,
  cap: string | null,
  perItemCap: string | null = null,
): SchemeRule => ({ code, enabled: true, points, cap, perItemCap, weight: '1.0000' });

export const defaultRules: SchemeRule[] = [
  rule('report_late', '-1.00', '5.00'),
  rule('report_missing', '-2.00', '10.00'),
  rule('red_light', '-2.00', '10.00'),
  rule('referral', '-5.00', null),
  rule('item_overdue', '-0.20', '10.00', '2.00'),
  rule('item_early_close', '0.50', '5.00'),
  rule('investment_pace', '10.00', '5.00'),
  rule('meeting_absence', '-1.00', null),
];

/** Unit types of each default group. */
export const defaultGroupTypes = {
  county: ['government', 'zone', 'town'],
  dept: ['department', 'soe'],
} as const;

/**
 * The default config over a region's active units (id, type, region and its parent), leaving out
 * groups with none. With the scheme's `regionCode`: the county group takes the governments (and
 * towns) of the regions directly below (the region's own government assesses, it is not ranked;
 * a town is its county's to rank) and the region's zones (parks); the department group the
 * departments and state firms of the region itself (a county's departments are the county's).
 * Without it, every unit of the types.
 */
export function defaultSchemeConfig(
  units: readonly { id: number; type: string; region_code?: string; region_parent?: string | null }[],
  regionCode?: string,
): SchemeConfig {
  const of = (types: readonly string[]) => units.filter((u) => types.includes(u.type));
  const county =
    regionCode === undefined
      ? of(defaultGroupTypes.county)
      : of(defaultGroupTypes.county).filter((u) =>
          u.type === 'zone' ? u.region_code === regionCode : u.region_parent === regionCode,
        );
  const dept = of(defaultGroupTypes.dept).filter(
    (u) => regionCode === undefined || u.region_code === regionCode,
  );
  const groups = [
    { code: 'county', name: '县(市、区)和园区', unitIds: county.map((u) => u.id) },
    { code: 'dept', name: '市直部门和国有企业', unitIds: dept.map((u) => u.id) },
  ].filter((g) => g.unitIds.length > 0);
  return {
    baseScore: '100.00',
    rules: defaultRules.map((r) => ({ ...r })),
    groups,
    tieRule: 'fewer_deductions',
    board: { redSize: 5, blackSize: 4, redMinPace: '1.0000', blackBelowPace: '1.0000' },
    cards: { yellowBelowPace: '0.6000', redAfterYellows: 2, redOnReferral: true },
  };
}
