/** Access cases of assessment: recompute (see ../access-inspections/harness.ts). */
import type { AccessPart, Base } from '../access-inspections/harness.ts';

export const recompute: AccessPart<Base> = {
  name: 'recompute',
  setup: async (base) => base,
  cases: [],
};
