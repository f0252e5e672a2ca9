/**
 * Walks every inspections route (issue 14) for every role, with records in and out of scope, as
 * access.test.ts does for the rest: 401 without a session (except the public reads), 403 without
 * the permission or outside the scope, success otherwise. The cases live in access-inspections/,
 * one file per part, written out by hand from DOMAIN §1 and §7; access-walk.ts walks them.
 */
import { parts } from './access-inspections/parts.ts';
import { walkParts } from './access-walk.ts';

/** The inspections routes: the ones the parts cover, or that look like theirs. */
export const isInspectionRoute = (r: string) =>
  /^\w+ \/api\/(inspection|inspections|experts|inspectors|inspection-\w+|draws|leading-groups|public\/(plans|draws|results|inspections))(\/|$|\.)/.test(
    r,
  );

walkParts('access: inspections, every route, every role, in and out of scope', parts, isInspectionRoute);
