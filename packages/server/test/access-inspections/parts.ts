/** The parts of inspections' access walk, in the order they are walked (see harness.ts). */
import type { AccessPart } from './harness.ts';
import { draws } from './draws.ts';
import { groups } from './groups.ts';
import { library } from './library.ts';
import { procedure } from './procedure.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const parts: AccessPart<any>[] = [library, draws, procedure, groups];
