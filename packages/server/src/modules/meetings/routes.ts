/** Routes of meetings: the calendar, series, one meeting and its agenda, outcomes, attendance and minutes. */
import {
  attendanceCount,
  attendanceCountQuery,
  attendanceUpdate,
  dispositionSet,
  entryCreate,
  entryMove,
  idParams,
  listOf,
  meetingCreate,
  meetingDetail,
  meetingQuery,
  meetingSeries,
  meetingSummary,
  meetingTransition,
  meetingUpdate,
  meetingVersion,
  minutes,
  outcomeCreate,
  seriesCreate,
  seriesDetail,
  seriesQuery,
  seriesUpdate,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { actorOf } from '../../platform/access/context.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import { sendFile } from '../../platform/files.ts';
import {
  addEntry,
  addOutcome,
  createMeeting,
  createSeries,
  moveEntry,
  regenerateAgenda,
  removeEntry,
  saveAttendance,
  setDisposition,
  transitionMeeting,
  updateMeeting,
} from './meetings.ts';
import { minutesDocx, minutesHtml, minutesOf } from './minutes.ts';
import {
  attendanceCounts,
  listMeetings,
  listSeries,
  meetingDetail as detail,
  seriesDetail as series,
} from './queries.ts';
import { readableMeeting } from './repo.ts';
import { updateSeries } from './series.ts';

const read = { access: 'meeting.read' } as const;
const write = { access: 'meeting.write' } as const;
const tags = ['meetings'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const meetingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('meeting', async (d, actor, id) => {
      await readableMeeting(d, actor, Number(id) || -1);
    });
    entityReaders.set('meeting_series', async (d, actor, id) => {
      await series(d, actor, Number(id) || -1);
    });
    const show = (req: { ctx: Parameters<typeof actorOf>[0] }, id: number) =>
      detail(db, actorOf(req.ctx), id);

    app.get(
      '/api/meetings',
      {
        config: read,
        schema: { tags, querystring: meetingQuery, response: { 200: listOf(meetingSummary) } },
      },
      (req) => listMeetings(db, req.ctx, req.query),
    );
    app.post(
      '/api/meetings',
      { config: write, schema: { tags, body: meetingCreate, response: { 201: meetingDetail } } },
      async (req, reply) =>
        reply.status(201).send(await show(req, await createMeeting(db, req.ctx, req.body))),
    );
    app.get(
      '/api/meeting-attendance',
      {
        config: read,
        schema: { tags, querystring: attendanceCountQuery, response: { 200: z.array(attendanceCount) } },
      },
      (req) => attendanceCounts(db, req.ctx, req.query),
    );
    app.get(
      '/api/meetings/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: meetingDetail } } },
      (req) => show(req, req.params.id),
    );
    app.patch(
      '/api/meetings/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: meetingUpdate, response: { 200: meetingDetail } },
      },
      async (req) => {
        await updateMeeting(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/meetings/:id/transitions',
      {
        config: write,
        schema: { tags, params: idParams, body: meetingTransition, response: { 200: meetingDetail } },
      },
      async (req) => {
        await transitionMeeting(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/meetings/:id/agenda',
      {
        config: write,
        schema: { tags, params: idParams, body: meetingVersion, response: { 200: meetingDetail } },
      },
      async (req) => {
        await regenerateAgenda(db, req.ctx, req.params.id, req.body.version);
        return show(req, req.params.id);
      },
    );
    app.post(
      '/api/meetings/:id/entries',
      {
        config: write,
        schema: { tags, params: idParams, body: entryCreate, response: { 201: meetingDetail } },
      },
      async (req, reply) => {
        await addEntry(db, req.ctx, req.params.id, req.body);
        return reply.status(201).send(await show(req, req.params.id));
      },
    );
    app.put(
      '/api/meetings/:id/attendance',
      {
        config: write,
        schema: { tags, params: idParams, body: attendanceUpdate, response: { 200: meetingDetail } },
      },
      async (req) => {
        await saveAttendance(db, req.ctx, req.params.id, req.body);
        return show(req, req.params.id);
      },
    );
    app.get(
      '/api/meetings/:id/minutes',
      { config: read, schema: { tags, params: idParams, response: { 200: minutes } } },
      async (req) => minutesOf(await show(req, req.params.id)),
    );
    app.get(
      '/api/meetings/:id/minutes.docx',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const d = await show(req, req.params.id);
        const x = minutesOf(d);
        return sendFile(reply, {
          name: `${x.title}.docx`,
          type: DOCX,
          body: await minutesDocx(x, d.meeting.type),
        });
      },
    );
    app.get(
      '/api/meetings/:id/minutes.html',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const d = await show(req, req.params.id);
        const x = minutesOf(d);
        return sendFile(reply, {
          name: `${x.title}.html`,
          type: 'text/html; charset=utf-8',
          body: Buffer.from(minutesHtml(x, d.meeting.type), 'utf8'),
        });
      },
    );
    app.post(
      '/api/meeting-entries/:id/move',
      {
        config: write,
        schema: { tags, params: idParams, body: entryMove, response: { 200: meetingDetail } },
      },
      async (req) =>
        show(req, await moveEntry(db, req.ctx, req.params.id, req.body.version, req.body.direction)),
    );
    app.delete(
      '/api/meeting-entries/:id',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          querystring: meetingVersion.extend({ version: z.coerce.number().int().min(1) }),
          response: { 200: meetingDetail },
        },
      },
      async (req) => show(req, await removeEntry(db, req.ctx, req.params.id, req.query.version)),
    );
    app.post(
      '/api/meeting-entries/:id/outcomes',
      {
        config: write,
        schema: { tags, params: idParams, body: outcomeCreate, response: { 201: meetingDetail } },
      },
      async (req, reply) =>
        reply.status(201).send(await show(req, await addOutcome(db, req.ctx, req.params.id, req.body))),
    );
    app.post(
      '/api/meeting-entries/:id/disposition',
      {
        config: write,
        schema: { tags, params: idParams, body: dispositionSet, response: { 200: meetingDetail } },
      },
      async (req) => show(req, await setDisposition(db, req.ctx, req.params.id, req.body)),
    );
    app.get(
      '/api/meeting-series',
      { config: read, schema: { tags, querystring: seriesQuery, response: { 200: listOf(meetingSeries) } } },
      (req) => listSeries(db, req.ctx, req.query),
    );
    app.post(
      '/api/meeting-series',
      { config: write, schema: { tags, body: seriesCreate, response: { 201: seriesDetail } } },
      async (req, reply) =>
        reply.status(201).send(await series(db, actorOf(req.ctx), await createSeries(db, req.ctx, req.body))),
    );
    app.get(
      '/api/meeting-series/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: seriesDetail } } },
      (req) => series(db, actorOf(req.ctx), req.params.id),
    );
    app.patch(
      '/api/meeting-series/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: seriesUpdate, response: { 200: seriesDetail } },
      },
      async (req) => series(db, actorOf(req.ctx), await updateSeries(db, req.ctx, req.params.id, req.body)),
    );
  };
