/** Routes of monthly reports, lights, settings and the month close. Thin: validate, call the service. */
import {
  calendarCorrection,
  idParams,
  inboxItem,
  isoDate,
  light,
  lightOverride,
  lightReason,
  lightQuery,
  lightRulesUpdate,
  lightRulesVersion,
  listOf,
  monthClose,
  monthCloseParams,
  monthlyReport,
  okBody,
  regionCode,
  reportAmend,
  reportDraft,
  reportingCalendar,
  reportingCalendarUpdate,
  reportParams,
  reportQuery,
  reportReturn,
  versioned,
  yearMonth,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { acceptRawFiles, sendFile, sendXlsx, uploadedFile } from '../../platform/files.ts';
import { readableProject } from '../projects/projects.ts';
import {
  addRules,
  getCalendar,
  getClose,
  listCorrections,
  listRules,
  publishClose,
  putCalendar,
  runCloseFor,
  setCorrection,
} from './admin.ts';
import { reportAttachments } from './attachments.ts';
import { exportLights, listLights, overrideLight } from './lights.ts';
import { inbox, listReports, progress } from './queries.ts';
import { amend, getMonth, saveDraft, step } from './reports.ts';

const read = { access: 'project.read' } as const;
const write = { access: 'project.write' } as const;
const authenticated = { access: 'authenticated' } as const;
const tags = ['reports'];
const yearParams = z.object({ regionCode, year: z.coerce.number().int().min(2000).max(2100) });
const monthDetail = z.object({
  current: monthlyReport.nullable(),
  versions: z.array(monthlyReport),
  previous: monthlyReport.nullable(),
  milestones: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      plannedDate: z.string(),
      actualDate: z.string().nullable(),
    }),
  ),
  deadline: z.string(),
});
const progressMonth = z.object({
  month: z.number().int(),
  planned: z.string().nullable(),
  plannedToDate: z.string().nullable(),
  done: z.string().nullable(),
  doneToDate: z.string(),
  paceRatio: z.number().nullable(),
  color: z.enum(['green', 'yellow', 'red']).nullable(),
  timeliness: z.enum(['on_time', 'late', 'missing']).nullable(),
  reasons: z.array(lightReason),
});

export const reportRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('report', async (d, actor, id) => {
      const r = await d
        .selectFrom('monthly_reports')
        .select('project_id')
        .where('id', '=', Number(id) || -1)
        .executeTakeFirst();
      await readableProject(d, actor, r?.project_id ?? -1);
    });
    acceptRawFiles(app);

    app.get(
      '/api/reports',
      { config: read, schema: { tags, querystring: reportQuery, response: { 200: listOf(monthlyReport) } } },
      (req) => listReports(db, req.ctx, req.query),
    );
    app.get(
      '/api/reports/inbox',
      {
        config: read,
        schema: { tags, querystring: z.object({ month: yearMonth }), response: { 200: z.array(inboxItem) } },
      },
      (req) => inbox(db, req.ctx, req.query.month),
    );
    app.get(
      '/api/projects/:projectId/reports/:month',
      { config: read, schema: { tags, params: reportParams, response: { 200: monthDetail } } },
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
      (req) => step(db, req.ctx, req.params.projectId, req.params.month, 'submit', req.body.version),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/return',
      {
        config: write,
        schema: { tags, params: reportParams, body: reportReturn, response: { 200: monthlyReport } },
      },
      (req) =>
        step(
          db,
          req.ctx,
          req.params.projectId,
          req.params.month,
          'return',
          req.body.version,
          req.body.reason,
        ),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/verify',
      {
        config: write,
        schema: { tags, params: reportParams, body: versioned, response: { 200: monthlyReport } },
      },
      (req) => step(db, req.ctx, req.params.projectId, req.params.month, 'verify', req.body.version),
    );
    app.post(
      '/api/projects/:projectId/reports/:month/amend',
      {
        config: write,
        schema: { tags, params: reportParams, body: reportAmend, response: { 200: monthlyReport } },
      },
      (req) => amend(db, req.ctx, req.params.projectId, req.params.month, req.body),
    );
    app.get(
      '/api/projects/:id/progress',
      {
        config: read,
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
          response: { 200: z.array(progressMonth) },
        },
      },
      (req) => progress(db, req.ctx, req.params.id, req.query.year),
    );

    const attachment = z.object({
      id: z.number().int(),
      name: z.string(),
      size: z.number().int(),
      type: z.string(),
      sha256: z.string(),
    });
    app.post(
      '/api/reports/:id/attachments',
      {
        config: read,
        bodyLimit: 11 * 1024 * 1024,
        schema: { tags, params: idParams, response: { 201: attachment } },
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

    const lightTags = ['lights'];
    app.get(
      '/api/lights',
      {
        config: read,
        schema: { tags: lightTags, querystring: lightQuery, response: { 200: listOf(light) } },
      },
      (req) => listLights(db, req.ctx, req.query),
    );
    app.get(
      '/api/lights/export.xlsx',
      { config: read, schema: { tags: lightTags, querystring: lightQuery } },
      async (req, reply) =>
        sendXlsx(reply, `亮灯-${req.query.month}`, await exportLights(db, req.ctx, req.query)),
    );
    const lightParams = z.object({ projectId: z.coerce.number().int().positive(), month: yearMonth });
    app.put(
      '/api/lights/:projectId/:month/override',
      {
        config: write,
        schema: { tags: lightTags, params: lightParams, body: lightOverride, response: { 200: light } },
      },
      (req) => overrideLight(db, req.ctx, req.params.projectId, req.params.month, req.body),
    );
    app.delete(
      '/api/lights/:projectId/:month/override',
      { config: write, schema: { tags: lightTags, params: lightParams, response: { 200: light } } },
      (req) => overrideLight(db, req.ctx, req.params.projectId, req.params.month, null),
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
    app.get(
      '/api/light-rules/:regionCode/:year',
      {
        config: read,
        schema: { tags: settings, params: yearParams, response: { 200: z.array(lightRulesVersion) } },
      },
      (req) => listRules(db, req.ctx, req.params.regionCode, req.params.year),
    );
    app.post(
      '/api/light-rules/:regionCode/:year',
      {
        config: write,
        schema: {
          tags: settings,
          params: yearParams,
          body: lightRulesUpdate,
          response: { 200: lightRulesVersion },
        },
      },
      (req) => addRules(db, req.ctx, req.params.regionCode, req.params.year, req.body),
    );

    app.get(
      '/api/month-closes/:regionCode/:month',
      {
        config: read,
        schema: {
          tags,
          params: z.object({ regionCode, month: z.union([yearMonth, z.literal('latest')]) }),
          response: { 200: monthClose },
        },
      },
      (req) => getClose(db, req.ctx, req.params.regionCode, req.params.month),
    );
    app.post(
      '/api/month-closes/:regionCode/:month/run',
      { config: write, schema: { tags, params: monthCloseParams, response: { 200: monthClose } } },
      (req) => runCloseFor(db, req.ctx, req.params.regionCode, req.params.month),
    );
    app.post(
      '/api/month-closes/:regionCode/:month/publish',
      { config: write, schema: { tags, params: monthCloseParams, response: { 200: monthClose } } },
      (req) => publishClose(db, req.ctx, req.params.regionCode, req.params.month),
    );
  };
