/** Access cases of assessment: ledger (see ../access-inspections/harness.ts). */
import type { AccessPart, Base } from '../access-inspections/harness.ts';

export const ledger: AccessPart<Base> = {
  name: 'ledger',
  setup: async (base) => base,
  cases: [],
};
