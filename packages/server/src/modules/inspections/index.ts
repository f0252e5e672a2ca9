/**
 * The inspections module's door (DOMAIN §7, issue 14): the annual plan and its themes, the
 * libraries of firms, experts and inspectors, the double-random draws, the inspections through
 * their procedure to rectification, and the routine inspection groups with their weekly site
 * records. Rectifications live on as `rectification` items and a group's site problems as `problem`
 * items, raised through the items engine in the inspection's transaction. `routes.ts` is
 * registered by the application shell; the demo loaders are called by `demo.ts`.
 */
export { drawVerifyCommand } from './draw-cli.ts';
export { readableInspection } from './inspection-repo.ts';
