/** Access cases of inspections: groups (see harness.ts). */
import type { AccessPart, Base } from './harness.ts';

export const groups: AccessPart<Base> = {
  name: 'groups',
  setup: async (base) => base,
  cases: [],
};
