/**
 * The assessment module's door (DOMAIN §9, issue 15): schemes per region and year, the score
 * ledger generated from the facts of reports, lights, items and meetings (and written by hand with
 * four-eyes approval), rankings and the monthly 红黑榜, 红黄牌, and enterprise credit. `routes.ts` is
 * registered by the application shell; the demo loader is called by `demo.ts`.
 */
export { recomputeRecentMonths, registerAssessmentHooks } from './recompute-runs.ts';
