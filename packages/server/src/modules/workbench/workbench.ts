/**
 * The workbench (工作台): what waits for the signed-in user, composed from what each module
 * counts in the user's scope. Owns no table; reads only through the modules' doors.
 */
import type { Workbench } from '@ducha/contract';
import type { Db } from '../../db/connection.ts';
import { actorOf, type Ctx } from '../../platform/access/context.ts';
import { todayInChina } from '../../platform/time.ts';
import { itemCounts } from '../items/index.ts';
import { latestCloseMonth } from '../lights/index.ts';
import { projectCounts } from '../projects/index.ts';
import { filerReportCounts, lastDueMonth, officeReportCounts } from '../reports/index.ts';

const sameMonth = (m: string) => ({ lastDue: m, queue: m });

export async function workbenchOf(db: Db, ctx: Ctx): Promise<Workbench> {
  const actor = actorOf(ctx);
  const today = todayInChina();
  const isOffice = actor.role === 'admin' || actor.role === 'office';
  const isFiler = actor.role === 'unit' || actor.role === 'reporter';
  const [items, latestClose] = await Promise.all([itemCounts(db, ctx), latestCloseMonth(db, actor)]);
  const reports = isOffice ? await officeReportCounts(db, actor, today) : null;
  const office = reports
    ? {
        reportsToVerify: reports.reportsToVerify,
        lastDueMonth: reports.lastDueMonth,
        reportsMissing: reports.reportsMissing,
        reportsLate: reports.reportsLate,
        itemsOverdue: items.overdue,
        escalationProposals: items.proposals,
        ...(await projectCounts(db, actor)),
      }
    : null;
  const filer = isFiler
    ? { ...(await filerReportCounts(db, actor, today)), itemsToAnswer: items.toAnswer }
    : null;
  return {
    office,
    filer,
    instructions: items.instructions,
    // only an office has a verification queue: for the others it opens on the month last due
    months: reports
      ? { lastDue: reports.lastDueMonth, queue: reports.queueMonth, latestClose }
      : { ...sameMonth(await lastDueMonth(db, actor, today)), latestClose },
  };
}
