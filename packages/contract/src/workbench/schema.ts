/**
 * The workbench (工作台): what waits for the signed-in user, by role, as counts that link to the
 * filtered lists, and the months the monthly pages open on (the month that has work).
 */
import { z } from 'zod';
import { yearMonth } from '../common.ts';

const count = z.number().int().min(0);

export const workbench = z.object({
  /** the key-project office (and admin): what to verify, chase and decide */
  office: z
    .object({
      /** submitted reports not yet verified, every month */
      reportsToVerify: count,
      /** the month whose deadline passed last, and its missing and late reports */
      lastDueMonth: yearMonth,
      reportsMissing: count,
      reportsLate: count,
      itemsOverdue: count,
      escalationProposals: count,
      listAdjustments: count,
      planDrafts: count,
    })
    .nullable(),
  /** unit staff and reporters: what to file and answer */
  filer: z
    .object({
      /** reports of the month open for filing, deadline not yet passed */
      reportsDue: count,
      /** reports past their deadline and not submitted (none yet, or a draft) */
      reportsOverdue: count,
      reportsReturned: count,
      /** items the unit must answer or handle (assigned or returned to it) */
      itemsToAnswer: count,
    })
    .nullable(),
  /** a leader's instructions (批示) by state */
  instructions: z.object({ open: count, overdue: count, closed: count }).nullable(),
  /** the months the monthly pages open on */
  months: z.object({
    /** the newest month whose deadline (by the user's region's calendar) has passed: what 催报 chases */
    lastDue: yearMonth,
    /** the oldest month with reports waiting for verification, else the month last due */
    queue: yearMonth,
    /** the newest month closed for the user's region (or a region above it), null if none */
    latestClose: yearMonth.nullable(),
  }),
});
export type Workbench = z.infer<typeof workbench>;
