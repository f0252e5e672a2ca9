/** Access cases of inspections: procedure (see harness.ts). */
import type { AccessPart, Base } from './harness.ts';

export const procedure: AccessPart<Base> = {
  name: 'procedure',
  setup: async (base) => base,
  cases: [],
};
