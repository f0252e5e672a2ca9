/** Access cases of inspections: library (see harness.ts). */
import type { AccessPart, Base } from './harness.ts';

export const library: AccessPart<Base> = {
  name: 'library',
  setup: async (base) => base,
  cases: [],
};
