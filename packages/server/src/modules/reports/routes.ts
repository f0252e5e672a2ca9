/** Routes of monthly reports, their files, the reporting calendar and its corrections. Thin: validate, call the service. */
import {
  attachmentInfo,
  batchResult,
  calendarCorrection,
  idParams,
  inboxItem,
  isoDate,
  listOf,
  monthlyReport,
  okBody,
  overdueReport,
  regionCode,
  reportAmend,
  reportDraft,
  reportingCalendar,
  reportingCalendarUpdate,
  reportMonth,
  reportParams,
  reportQuery,
  reportReminder,
  reportRemind,
  reportRemindResult,
  reportReturn,
  reportVerifyBatch,
  versioned,
  yearMonth,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { listCorrections, setCorrection } from '../../platform/calendar-corrections.ts';
import { batchOptions } from '../../platform/batch.ts';
import { acceptRawFiles, sendFile, uploadedFile } from '../../platform/files.ts';
import { readableProject } from '../projects/index.ts';
import { reportAttachments } from './attachments.ts';
import { reportExcelRoutes } from './excel/routes.ts';
import { verifyReports } from './batch.ts';
import { getCalendar, putCalendar } from './calendar.ts';
import { inbox, listReports, monthReminders, owedInbox } from './queries.ts';
import { reportProject } from './reads.ts';
import { overdueReports, remindReports } from './reminders.ts';
import { amend, getMonth, saveDraft, step } from './reports.ts';

const read = { access: 'project.read' } as const;
const write = { access: 'project.write' } as const;
const authenticated = { access: 'authenticated' } as const;
const tags = ['reports'];
const yearParams = z.object({ regionCode, year: z.coerce.number().int().min(2000).max(2100) });
export const reportRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('report', async (d, actor, id) => {
      const r = await reportProject(d, Number(id) || -1);
      await readableProject(d, actor, r?.project_id ?? -1);
    });
    acceptRawFiles(app);
    reportExcelRoutes(app, db);

    app.get(
      '/api/reports',
      { config: read, schema: { tags, querystring: reportQuery, response: { 200: listOf(monthlyReport) } } },
      (req) => listReports(db, req.ctx, req.query),
    );
    app.get(
      '/api/reports/inbox',
      {
        config: read,
        schema: {
          tags,
          querystring: z.object({ month: yearMonth.optional() }),
          response: { 200: z.array(inboxItem) },
        },
      },
      // without a month: every month still owed, overdue first, and the open month's filings
      (req) => (req.query.month ? inbox(db, req.ctx, req.query.month) : owedInbox(db, actorOf(req.ctx))),
    );
    app.get(
      '/api/reports/overdue',
      {
        config: read,
        schema: {
          tags,
          querystring: z.object({ month: yearMonth }),
          response: { 200: z.array(overdueReport) },
        },
      },
      (req) => overdueReports(db, req.ctx, req.query.month),
    );
    app.get(
      '/api/reports/reminders',
      {
        config: read,
        schema: {
          tags,
          querystring: z.object({ month: yearMonth }),
          response: { 200: z.array(reportReminder) },
        },
      },
      (req) => monthReminders(db, req.ctx, req.query.month),
    );
    app.post(
      '/api/reports/verify',
      {
        config: write,
        schema: { tags, body: reportVerifyBatch, response: { 200: batchResult } },
      },
      (req) => verifyReports(db, req.ctx, req.body.reports, batchOptions(req)),
    );
    app.post(
      '/api/reports/remind',
      {
        config: write,
        schema: { tags, body: reportRemind, response: { 200: reportRemindResult } },
      },
      (req) => remindReports(db, req.ctx, req.body, batchOptions(req)),
    );
    app.get(
      '/api/projects/:projectId/reports/:month',
      { config: read, schema: { tags, params: reportParams, response: { 200: reportMonth } } },
      (req) => getMonth(db, req.ctx, req.params.projectId, req.params.month),
    );
    app.put(
      '/api/projects/:projectId/reports/:month/draft',
      {
        config: read,
        schema: { tags, params: reportParams, body: reportDraft, response: { 200: monthlyReport } },
      },
      (req) => saveDraft(db, req.ctx, req.params.projectId, req.params.month, req.body),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/submit',
      {
        config: read,
        schema: { tags, params: reportParams, body: versioned, response: { 200: monthlyReport } },
      },
      (req) => step(db, req.ctx, { ...req.params, step: 'submit', version: req.body.version }),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/return',
      {
        config: write,
        schema: { tags, params: reportParams, body: reportReturn, response: { 200: monthlyReport } },
      },
      (req) => step(db, req.ctx, { ...req.params, step: 'return', ...req.body }),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/verify',
      {
        config: write,
        schema: { tags, params: reportParams, body: versioned, response: { 200: monthlyReport } },
      },
      (req) => step(db, req.ctx, { ...req.params, step: 'verify', version: req.body.version }),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/amend',
      {
        config: write,
        schema: { tags, params: reportParams, body: reportAmend, response: { 200: monthlyReport } },
      },
      (req) => amend(db, req.ctx, req.params.projectId, req.params.month, req.body),
    );
    app.post(
      '/api/reports/:id/attachments',
      {
        config: read,
        bodyLimit: 11 * 1024 * 1024,
        schema: { tags, params: idParams, response: { 201: attachmentInfo } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await reportAttachments.add(db, req.ctx, config.dataDir, req.params.id, uploadedFile(req))),
    );
    app.get(
      '/api/attachments/:id',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) =>
        sendFile(reply, await reportAttachments.get(db, req.ctx, config.dataDir, req.params.id)),
    );
    app.delete(
      '/api/attachments/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: okBody } } },
      (req) => reportAttachments.remove(db, req.ctx, req.params.id),
    );

    const settings = ['settings'];
    app.get(
      '/api/reporting-calendars/:regionCode/:year',
      { config: read, schema: { tags: settings, params: yearParams, response: { 200: reportingCalendar } } },
      (req) => getCalendar(db, req.ctx, req.params.regionCode, req.params.year),
    );
    app.put(
      '/api/reporting-calendars/:regionCode/:year',
      {
        config: write,
        schema: {
          tags: settings,
          params: yearParams,
          body: reportingCalendarUpdate,
          response: { 200: reportingCalendar },
        },
      },
      (req) => putCalendar(db, req.ctx, req.params.regionCode, req.params.year, req.body),
    );
    app.get(
      '/api/calendar-corrections',
      {
        config: authenticated,
        schema: {
          tags: settings,
          querystring: z.object({ year: z.coerce.number().int().optional() }),
          response: { 200: z.array(calendarCorrection) },
        },
      },
      (req) => listCorrections(db, req.query.year),
    );
    app.put(
      '/api/calendar-corrections/:date',
      {
        config: write,
        schema: {
          tags: settings,
          params: z.object({ date: isoDate }),
          body: calendarCorrection.omit({ date: true }),
          response: { 200: okBody },
        },
      },
      (req) => setCorrection(db, req.ctx, req.params.date, req.body),
    );
    app.delete(
      '/api/calendar-corrections/:date',
      {
        config: write,
        schema: { tags: settings, params: z.object({ date: isoDate }), response: { 200: okBody } },
      },
      (req) => setCorrection(db, req.ctx, req.params.date, null),
    );
  };
