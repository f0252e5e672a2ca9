/** The parts of assessment's access walk, in the order they are walked (see ../access-inspections/harness.ts). */
import type { AccessPart } from '../access-inspections/harness.ts';
import { cards } from './cards.ts';
import { credit } from './credit.ts';
import { recompute } from './recompute.ts';
import { ledger } from './ledger.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const parts: AccessPart<any>[] = [ledger, recompute, cards, credit];
