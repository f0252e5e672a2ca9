/**
 * The org module's door: what other modules may use of units, people and positions. Nothing else
 * in this folder is imported from outside it (the wall test checks), except the routes and the
 * seed, which the application shell registers and runs. The command line creates accounts and
 * resets passwords through the same use cases as the account screens.
 */
export {
  activeOrg,
  assertActive,
  currentHolderNameOf,
  orgNames,
  personBriefOf,
  personNameOf,
  positionExists,
  positionNameOf,
  teamJson,
  unitBrief,
  unitName,
  unitNameOf,
  unitsJson,
  unitsOfRegion,
  activeUnitIds,
} from './lookups.ts';
export { createUser, resetPassword } from './users.ts';
