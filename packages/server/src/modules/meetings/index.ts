/**
 * The meetings module's door (DOMAIN §8). A meeting's decisions live on as `decision` items (raised
 * through the items engine in the meeting's transaction), and the meeting shows on the timelines of
 * the items and projects it touched through the audit trail. Offered to the application shell:
 * `extendOpenSeries`, the daily job keeping every never-ending series laid out a year ahead.
 * `routes.ts` is registered by the application shell.
 */
export { extendOpenSeries } from './series.ts';
export { absenceFacts, type AbsenceFact } from './score-facts.ts';
