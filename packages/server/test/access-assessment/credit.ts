/** Access cases of assessment: credit (see ../access-inspections/harness.ts). */
import type { AccessPart, Base } from '../access-inspections/harness.ts';

export const credit: AccessPart<Base> = {
  name: 'credit',
  setup: async (base) => base,
  cases: [],
};
