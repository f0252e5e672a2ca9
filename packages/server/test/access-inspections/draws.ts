/** Access cases of inspections: draws (see harness.ts). */
import type { AccessPart, Base } from './harness.ts';

export const draws: AccessPart<Base> = {
  name: 'draws',
  setup: async (base) => base,
  cases: [],
};
