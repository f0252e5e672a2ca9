/** Access cases of assessment: cards (see ../access-inspections/harness.ts). */
import type { AccessPart, Base } from '../access-inspections/harness.ts';

export const cards: AccessPart<Base> = {
  name: 'cards',
  setup: async (base) => base,
  cases: [],
};
