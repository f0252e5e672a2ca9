/**
 * Walks every API route for every role, with a record in scope and one out of scope, and checks the
 * answer: 401 without a session, 403 without the permission or outside the scope, success otherwise.
 * The expectations are written out by hand from DOMAIN §1 (not computed from the code under test),
 * and every registered route must appear here, so a new route without a case fails this test.
 */
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildResponsibilitySheet } from '../src/modules/projects/excel/build.ts';
import { apiRoutes } from '../src/platform/access/guard.ts';
import { parts as inspectionParts } from './access-inspections/parts.ts';
import { parts as assessmentParts } from './access-assessment/parts.ts';
import {
  cityProject,
  DEMO_ROLES,
  demoUnits,
  signInAs,
  supervisedItem,
  user,
  type DemoRole,
} from './factories.ts';
import { createTestApp, type Client, type TestApp } from './helpers.ts';

const users = DEMO_ROLES;
type U = DemoRole;

interface Case {
  route: string; // 'METHOD /api/pattern' as registered
  url: (f: Fixtures, u: U) => string;
  body?: (f: Fixtures, u: U) => Promise<unknown> | unknown;
  ok: readonly U[];
  note: string;
  headers?: Record<string, string>;
}

interface Fixtures {
  t: TestApp;
  unitCity: number; // 大庆市住房和城乡建设局, region 230600 (the `unit` user's unit)
  unitLindian: number; // 林甸县住房和城乡建设局, region 230623
  personCity: number; // a person of unitCity
  personReporter: number; // the reporter's own person record
  position: number; // a position of unitCity
  reporterUser: number;
  leaderUser: number;
  spareUser: number; // a reporter account nobody signs in with (for resets)
  tokens: Map<U, number>; // one token per user
  projCity: number; // region 230600, led by unitCity, owned by the reporter's unit
  projLindian: number; // region 230623, unitCity co-operates (read only)
  milestone: number; // a milestone of projCity's 2029 plan
  procedure: number; // a 前期手续 item of projCity
  cityList: number; // a published 2026 city list
  scratch: number; // the list or adjustment the current case works on
  unitUser: number;
  sheet: Buffer; // a one-row 责任分解表
  attachment: number; // an attachment on a report of projCity
  views: Map<U, number>; // one saved view per user
  seq: { n: number };
  itemCity: number; // an assigned item on projCity, lead unit = unitCity (the reporter's unit owns the project)
  itemLindian: number; // an assigned item on projLindian, lead unit = unitLindian, unitCity co-operates
  itemAttachment: number; // evidence on itemCity
  notices: Map<U, number>; // one notification per user
  meetingCity: number; // a city meeting (in progress) calling unitCity
  meetingLindian: number; // a 林甸县 meeting calling nobody's unit
  seriesCity: number; // a city series calling unitCity
  scratchEntry: number; // the agenda entry the current case works on
}

const version = async (
  f: Fixtures,
  table: 'units' | 'people' | 'positions' | 'users' | 'projects',
  id: number,
) =>
  (await f.t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;

const draftOf = (f: Fixtures, year: number) =>
  f.t.database.db
    .selectFrom('annual_plans')
    .select(['id', 'version'])
    .where('project_id', '=', f.projCity)
    .where('year', '=', year)
    .where('status', '=', 'draft')
    .executeTakeFirst();
/** A draft to approve: written directly, so every role's attempt finds one. */
async function ensureDraft(f: Fixtures, year: number) {
  const existing = await draftOf(f, year);
  if (existing) return existing;
  return f.t.database.db
    .insertInto('annual_plans')
    .values({
      project_id: f.projCity,
      year,
      baseline_no: 0,
      status: 'draft',
      planned_investment: '120.00',
      monthly: Array(12).fill('10.00'),
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** A fresh city list for one case (written directly), optionally holding projCity. */
async function scratchList(f: Fixtures, status: 'draft' | 'published', withMember: boolean) {
  const db = f.t.database.db;
  const list = await db
    .insertInto('project_lists')
    .values({
      year: 2026,
      level: 'city',
      name: `临时名单${f.seq.n++}`,
      region_code: '230600',
      batch_scheme: 'three_30',
      status,
      published_at: status === 'published' ? new Date() : null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  if (withMember)
    await db
      .insertInto('project_list_members')
      .values({ list_id: list.id, project_id: f.projCity, batch: '在建' })
      .execute();
  f.scratch = list.id;
  return list;
}
/** A pending request by the unit user on a fresh published list. */
async function pendingAdjustment(f: Fixtures) {
  const list = await scratchList(f, 'published', false);
  const a = await f.t.database.db
    .insertInto('list_adjustments')
    .values({
      list_id: list.id,
      project_id: f.projCity,
      kind: 'add',
      batch: '在建',
      reason: '调入',
      requested_by: f.unitUser,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.scratch = a.id;
}

const cityReaders = ['admin', 'office', 'leader', 'unit', 'reporter'] as const;
const filers = ['admin', 'office', 'unit', 'reporter'] as const;
const reportBody = { investmentMonth: '120.50', physicalProgress: '基础施工' };
// a 1×1 PNG
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** projCity's report of 2026-`month`, put in `status` directly when `force` (each case finds what it needs). */
async function reportIn(f: Fixtures, month: number, status: string, force = false) {
  const db = f.t.database.db;
  const row = await db
    .selectFrom('monthly_reports')
    .select(['id', 'version', 'status'])
    .where('project_id', '=', f.projCity)
    .where('year', '=', 2026)
    .where('month', '=', month)
    .where('current', '=', true)
    .executeTakeFirst();
  if (!force) return row;
  if (!row) {
    return db
      .insertInto('monthly_reports')
      .values({
        project_id: f.projCity,
        year: 2026,
        month,
        status,
        investment_month: '100.00',
        physical_progress: '施工中',
        first_submitted_at: status === 'draft' ? null : new Date(),
      })
      .returning(['id', 'version', 'status'])
      .executeTakeFirstOrThrow();
  }
  if (row.status !== status)
    await db.updateTable('monthly_reports').set({ status }).where('id', '=', row.id).execute();
  return { ...row, status };
}
async function attachmentOn(f: Fixtures) {
  const r = await reportIn(f, 4, 'draft', true);
  const a = await f.t.database.db
    .insertInto('report_attachments')
    .values({ report_id: r!.id, name: 'x.png', type: 'image/png', size: 1, sha256: 'x', path: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return a.id;
}
async function calendarVersion(f: Fixtures, region: string) {
  const row = await f.t.database.db
    .selectFrom('reporting_calendars')
    .select('version')
    .where('region_code', '=', region)
    .where('year', '=', 2026)
    .executeTakeFirst();
  return row?.version ?? 0;
}
/** A computed (not yet published) close of 2026-`month` for the city, written directly. */
async function computedClose(f: Fixtures, month: number) {
  const db = f.t.database.db;
  await db
    .deleteFrom('month_closes')
    .where('region_code', '=', '230600')
    .where('year', '=', 2026)
    .where('month', '=', month)
    .execute();
  await db
    .insertInto('month_closes')
    .values({
      region_code: '230600',
      year: 2026,
      month,
      status: 'computed',
      computed_at: new Date(),
      rules_version: 0,
      indicators: '{}',
    })
    .execute();
}

/** A fresh item written directly (one per attempt), so every role's step finds it in the same state. */
async function freshItem(
  f: Fixtures,
  o: { projectId: number; region: string; status: 'new' | 'assigned'; unit?: number },
) {
  const row = await f.t.database.db
    .insertInto('items')
    .values({
      code: `AC-${f.seq.n++}`,
      kind: 'problem',
      source: 'project',
      project_id: o.projectId,
      region_code: o.region,
      category: '资金',
      title: '访问测试事项',
      description: '访问测试事项描述',
      raised_on: '2026-11-02',
      level: 2,
      status: o.status,
      responsible_unit_id: o.unit ?? null,
      assigned_on: o.status === 'assigned' ? '2026-11-02' : null,
      response_due: o.status === 'assigned' ? '2026-11-06' : null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  f.scratch = row.id;
  return row;
}
/** A fresh evidence row on itemCity, for deleting. */
async function itemAttachmentOn(f: Fixtures) {
  const a = await f.t.database.db
    .insertInto('item_attachments')
    .values({ item_id: f.itemCity, name: 'x.png', type: 'image/png', size: 1, sha256: 'x', path: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.scratch = a.id;
}
const itemVersion = async (f: Fixtures, id: number) =>
  (await f.t.database.db.selectFrom('items').select('version').where('id', '=', id).executeTakeFirstOrThrow())
    .version;
/** Item routes: readers and writers hold the permission; the items policy narrows by scope and standing. */
const itemReaders = ['admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter', 'inspector'] as const;
const itemBody = (projectId: number) => ({
  projectId,
  category: '资金',
  title: '访问测试问题',
  description: '访问测试问题描述',
});

const all = users;
const orgReaders = ['admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter', 'inspector'] as const;
const userManagers = ['admin', 'office', 'office_lindian'] as const;
const projectReaders = ['admin', 'office', 'office_lindian', 'leader', 'unit', 'reporter'] as const;
const projectBody = (code: string, regionCode: string) => ({
  code,
  name: `测试项目${code}`,
  regionCode,
  sector: '工业',
  investmentNature: 'enterprise',
  totalInvestment: '1000',
});

// ---- meetings (issue 13): written directly, so every role's attempt finds a fresh one ----
const meetingReaders = ['admin', 'office', 'leader', 'unit'] as const; // unitCity is called; 林甸 is not the city
const meetingLists = ['admin', 'office', 'office_lindian', 'leader', 'unit'] as const;
async function freshMeeting(f: Fixtures, status: string, entry?: 'manual' | 'review') {
  const db = f.t.database.db;
  const m = await db
    .insertInto('meetings')
    .values({
      type: 'coordination',
      title: `访问测试会议${f.seq.n++}`,
      region_code: '230600',
      level: 3,
      sections: ['review', 'open_items', 'manual'],
      held_on: '2026-11-20',
      attendee_unit_ids: [f.unitCity],
      status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  f.scratch = m.id;
  if (entry) {
    const e = await db
      .insertInto('meeting_entries')
      .values({
        meeting_id: m.id,
        section: entry,
        sort: 1,
        title: '访问测试议题',
        item_id: entry === 'review' ? f.itemCity : null,
        generated: entry === 'review',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    f.scratchEntry = e.id;
  }
  return m.id;
}
const meetingWriters = ['admin', 'office'] as const;
const meetingCases: Case[] = [
  {
    route: 'GET /api/meetings',
    url: () => '/api/meetings',
    ok: meetingLists,
    note: 'calendar (filtered by scope)',
  },
  {
    route: 'POST /api/meetings',
    url: () => '/api/meetings',
    body: () => ({ type: 'coordination', title: '专题协调会', regionCode: '230600', heldOn: '2026-12-20' }),
    ok: meetingWriters,
    note: 'a city meeting: the city office (林甸 out of scope)',
  },
  {
    route: 'GET /api/meeting-attendance',
    url: () => '/api/meeting-attendance?month=2026-11',
    ok: meetingLists,
    note: 'attendance counts in scope',
  },
  {
    route: 'GET /api/meetings/:id',
    url: (f) => `/api/meetings/${f.meetingCity}`,
    ok: meetingReaders,
    note: 'city meeting calling unitCity',
  },
  {
    route: 'GET /api/meetings/:id',
    url: (f) => `/api/meetings/${f.meetingLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: "林甸's meeting: not the unit's",
  },
  {
    route: 'PATCH /api/meetings/:id',
    url: (f) => `/api/meetings/${f.scratch}`,
    body: async (f) => (await freshMeeting(f, 'scheduled'), { version: 1, place: '会议室' }),
    ok: meetingWriters,
    note: 'move a scheduled city meeting',
  },
  {
    route: 'POST /api/meetings/:id/transitions',
    url: (f) => `/api/meetings/${f.scratch}/transitions`,
    body: async (f) => (await freshMeeting(f, 'scheduled'), { action: 'start', version: 1 }),
    ok: meetingWriters,
    note: 'start a city meeting',
  },
  {
    route: 'POST /api/meetings/:id/agenda',
    url: (f) => `/api/meetings/${f.scratch}/agenda`,
    body: async (f) => (await freshMeeting(f, 'scheduled'), { version: 1 }),
    ok: meetingWriters,
    note: 'generate a city agenda',
  },
  {
    route: 'POST /api/meetings/:id/entries',
    url: (f) => `/api/meetings/${f.scratch}/entries`,
    body: async (f) => (await freshMeeting(f, 'scheduled'), { version: 1, title: '临时议题' }),
    ok: meetingWriters,
    note: 'add an entry by hand',
  },
  {
    route: 'PUT /api/meetings/:id/attendance',
    url: (f) => `/api/meetings/${f.scratch}/attendance`,
    body: async (f) => (
      await freshMeeting(f, 'in_progress'),
      { version: 1, rows: [{ unitId: f.unitCity, personName: '张三', status: 'present' }] }
    ),
    ok: meetingWriters,
    note: 'the attendance sheet',
  },
  {
    route: 'GET /api/meetings/:id/minutes',
    url: (f) => `/api/meetings/${f.meetingCity}/minutes`,
    ok: meetingReaders,
    note: 'minutes preview',
  },
  {
    route: 'GET /api/meetings/:id/minutes.docx',
    url: (f) => `/api/meetings/${f.meetingCity}/minutes.docx`,
    ok: meetingReaders,
    note: 'minutes as Word',
  },
  {
    route: 'GET /api/meetings/:id/minutes.html',
    url: (f) => `/api/meetings/${f.meetingCity}/minutes.html`,
    ok: meetingReaders,
    note: 'minutes as HTML',
  },
  {
    route: 'POST /api/meeting-entries/:id/move',
    url: (f) => `/api/meeting-entries/${f.scratchEntry}/move`,
    body: async (f) => (await freshMeeting(f, 'scheduled', 'manual'), { version: 1, direction: 'up' }),
    ok: meetingWriters,
    note: 'reorder the agenda',
  },
  {
    route: 'DELETE /api/meeting-entries/:id',
    url: (f) => `/api/meeting-entries/${f.scratchEntry}?version=1`,
    body: async (f) => void (await freshMeeting(f, 'scheduled', 'manual')),
    ok: meetingWriters,
    note: 'remove an entry',
  },
  {
    route: 'POST /api/meeting-entries/:id/outcomes',
    url: (f) => `/api/meeting-entries/${f.scratchEntry}/outcomes`,
    body: async (f) => (
      await freshMeeting(f, 'in_progress', 'manual'),
      { kind: 'note', version: 1, note: '会议意见' }
    ),
    ok: meetingWriters,
    note: 'record an outcome',
  },
  {
    route: 'POST /api/meeting-entries/:id/disposition',
    url: (f) => `/api/meeting-entries/${f.scratchEntry}/disposition`,
    body: async (f) => (
      await freshMeeting(f, 'in_progress', 'review'),
      { version: 1, disposition: 'dropped', reason: '不再跟踪' }
    ),
    ok: meetingWriters,
    note: 'dispose of a reviewed item (itemCity)',
  },
  {
    route: 'GET /api/meeting-series',
    url: () => '/api/meeting-series',
    ok: meetingLists,
    note: 'series in scope',
  },
  {
    route: 'POST /api/meeting-series',
    url: () => '/api/meeting-series',
    body: () => ({
      type: 'weekly',
      title: '周交流会',
      regionCode: '230600',
      startsOn: '2026-12-01',
      recurrence: { freq: 'weekly', weekday: 5 },
      end: { kind: 'count', count: 2 },
    }),
    ok: meetingWriters,
    note: 'a city series',
  },
  {
    route: 'GET /api/meeting-series/:id',
    url: (f) => `/api/meeting-series/${f.seriesCity}`,
    ok: meetingReaders,
    note: 'city series calling unitCity',
  },
  {
    route: 'PATCH /api/meeting-series/:id',
    url: (f) => `/api/meeting-series/${f.seriesCity}`,
    body: async (f) => ({
      version: (
        await f.t.database.db
          .selectFrom('meeting_series')
          .select('version')
          .where('id', '=', f.seriesCity)
          .executeTakeFirstOrThrow()
      ).version,
      place: `会议室${f.seq.n++}`,
    }),
    ok: meetingWriters,
    note: 'edit a city series: whoever may create it (林甸 out of scope)',
  },
];

const cases: Case[] = [
  { route: 'GET /api/auth/me', url: () => '/api/auth/me', ok: all, note: 'everyone signed in' },
  { route: 'GET /api/tokens', url: () => '/api/tokens', ok: all, note: 'own tokens' },
  {
    route: 'POST /api/tokens',
    url: () => '/api/tokens',
    body: () => ({ name: 'script' }),
    ok: all,
    note: 'own token',
  },
  {
    route: 'DELETE /api/tokens/:id',
    url: (f, u) => `/api/tokens/${f.tokens.get(u)}`,
    ok: all,
    note: 'own token',
  },
  {
    route: 'DELETE /api/tokens/:id',
    url: (f, u) => `/api/tokens/${f.tokens.get(u === 'office' ? 'unit' : 'office')}`,
    ok: ['admin'],
    note: "someone else's token",
  },
  { route: 'GET /api/audit', url: () => '/api/audit', ok: ['admin'], note: 'whole log' },
  {
    route: 'GET /api/audit',
    url: (f) => `/api/audit?entity=unit&id=${f.unitCity}`,
    ok: ['admin', 'office', 'leader', 'unit'],
    note: 'city unit timeline',
  },
  {
    route: 'GET /api/audit',
    url: (f) => `/api/audit?entity=unit&id=${f.unitLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: 'county unit timeline',
  },
  {
    route: 'GET /api/audit',
    url: (f) => `/api/audit?entity=project_list&id=${f.cityList}`,
    ok: ['admin', 'office', 'leader'],
    note: "a city list's trail names its members: who reads the whole list (not an inspector, a county or a unit)",
  },
  {
    route: 'GET /api/audit',
    url: (f) => `/api/audit?entity=project&id=${f.projLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader', 'unit'],
    note: "a county project's trail: its readers",
  },
  {
    route: 'GET /api/audit',
    url: (f) => `/api/audit?entity=item&id=${f.itemCity}`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: "a city item's trail: its readers (the inspector did not raise it)",
  },
  {
    route: 'GET /api/audit',
    url: () => '/api/audit?entity=month_close&id=230600:2026-10',
    ok: ['admin', 'office', 'leader'],
    note: "the city close's trail: who reads the close",
  },
  {
    route: 'GET /api/audit',
    url: () => '/api/audit?entity=item_settings&id=1',
    ok: ['admin'],
    note: 'an entity type without a registered reader: the admin only (deny by default)',
  },
  { route: 'GET /api/regions', url: () => '/api/regions', ok: orgReaders, note: 'list' },
  {
    route: 'GET /api/regions',
    url: () => '/api/regions?inScope=true',
    ok: orgReaders,
    note: "a picker's regions: the caller's subtree only (scope.test.ts reads which)",
  },
  {
    route: 'POST /api/regions',
    url: () => '/api/regions',
    body: () => ({ code: '230623199', name: '测试镇', level: 'town', parentCode: '230623' }),
    ok: ['admin'],
    note: 'admin only',
  },
  {
    route: 'PATCH /api/regions/:code',
    url: () => '/api/regions/230623',
    body: async (f) => ({
      version: (
        await f.t.database.db
          .selectFrom('regions')
          .select('version')
          .where('code', '=', '230623')
          .executeTakeFirstOrThrow()
      ).version,
      name: '林甸县',
    }),
    ok: ['admin'],
    note: 'admin only',
  },
  { route: 'GET /api/units', url: () => '/api/units', ok: orgReaders, note: 'list (filtered by scope)' },
  {
    route: 'GET /api/units/:id',
    url: (f) => `/api/units/${f.unitCity}`,
    ok: ['admin', 'office', 'leader', 'unit'],
    note: 'city unit',
  },
  {
    route: 'GET /api/units/:id',
    url: (f) => `/api/units/${f.unitLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: 'county unit',
  },
  {
    route: 'POST /api/units',
    url: () => '/api/units',
    body: (f, u) => ({ name: `测试单位${u}${f.seq.n++}`, type: 'department', regionCode: '230600' }),
    ok: ['admin', 'office'],
    note: 'city region',
  },
  {
    route: 'POST /api/units',
    url: () => '/api/units',
    body: (f, u) => ({ name: `测试单位${u}${f.seq.n++}`, type: 'department', regionCode: '230623' }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county region',
  },
  {
    route: 'PATCH /api/units/:id',
    url: (f) => `/api/units/${f.unitCity}`,
    body: async (f) => ({ version: await version(f, 'units', f.unitCity), phone: '0459-1234567' }),
    ok: ['admin', 'office', 'unit'],
    note: 'city unit',
  },
  {
    route: 'PATCH /api/units/:id',
    url: (f) => `/api/units/${f.unitLindian}`,
    body: async (f) => ({ version: await version(f, 'units', f.unitLindian), phone: '0459-7654321' }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county unit',
  },
  { route: 'GET /api/people', url: () => '/api/people', ok: orgReaders, note: 'list' },
  {
    route: 'GET /api/people/:id',
    url: (f) => `/api/people/${f.personCity}`,
    ok: ['admin', 'office', 'leader', 'unit'],
    note: 'city unit staff',
  },
  {
    route: 'GET /api/people/:id',
    url: (f) => `/api/people/${f.personReporter}`,
    ok: ['admin', 'office', 'leader', 'reporter'],
    note: "reporter's own record",
  },
  {
    route: 'POST /api/people',
    url: () => '/api/people',
    body: (f, u) => ({ name: `测试${u}`, unitId: f.unitCity }),
    ok: ['admin', 'office', 'unit'],
    note: 'into city unit',
  },
  {
    route: 'PATCH /api/people/:id',
    url: (f) => `/api/people/${f.personCity}`,
    body: async (f) => ({ version: await version(f, 'people', f.personCity), phone: '13900000000' }),
    ok: ['admin', 'office', 'unit'],
    note: 'city unit staff',
  },
  { route: 'GET /api/positions', url: () => '/api/positions', ok: orgReaders, note: 'list' },
  {
    route: 'GET /api/positions/:id',
    url: (f) => `/api/positions/${f.position}`,
    ok: ['admin', 'office', 'leader', 'unit'],
    note: 'city position',
  },
  {
    route: 'POST /api/positions',
    url: () => '/api/positions',
    body: (f, u) => ({ name: `测试职务${u}`, unitId: f.unitCity }),
    ok: ['admin', 'office'],
    note: 'city unit',
  },
  {
    route: 'PATCH /api/positions/:id',
    url: (f) => `/api/positions/${f.position}`,
    body: async (f) => ({ version: await version(f, 'positions', f.position), name: '住建局局长' }),
    ok: ['admin', 'office'],
    note: 'city position',
  },
  {
    route: 'POST /api/positions/:id/holder',
    url: (f) => `/api/positions/${f.position}/holder`,
    body: async (f) => ({
      version: await version(f, 'positions', f.position),
      personId: f.seq.n++ % 2 ? f.personCity : null,
      startDate: new Date(Date.UTC(2027, 0, f.seq.n)).toISOString().slice(0, 10),
      reason: '测试任职变更',
    }),
    ok: ['admin', 'office'],
    note: 'city position',
  },
  { route: 'GET /api/users', url: () => '/api/users', ok: userManagers, note: 'list' },
  {
    route: 'GET /api/users/:id',
    url: (f) => `/api/users/${f.reporterUser}`,
    ok: ['admin', 'office'],
    note: 'city reporter account',
  },
  {
    route: 'POST /api/users',
    url: () => '/api/users',
    body: (_f, u) => ({
      username: `new_${u}`,
      displayName: '新用户',
      role: 'reporter',
      regionCode: '230623',
      unitId: null,
    }),
    ok: [],
    note: 'reporter without unit is invalid for all (400 for managers)',
  },
  {
    route: 'POST /api/users',
    url: () => '/api/users',
    body: (f, u) => ({
      username: `new_${u}`,
      displayName: '新用户',
      role: 'unit',
      regionCode: '230623',
      unitId: f.unitLindian,
    }),
    ok: userManagers,
    note: 'county unit account',
  },
  {
    route: 'POST /api/users',
    url: () => '/api/users',
    body: (_f, u) => ({ username: `lead_${u}`, displayName: '新领导', role: 'leader', regionCode: '230600' }),
    ok: ['admin'],
    note: 'leader account: admin only',
  },
  {
    route: 'PATCH /api/users/:id',
    url: (f) => `/api/users/${f.reporterUser}`,
    body: async (f) => ({ version: await version(f, 'users', f.reporterUser), displayName: '宋凯文' }),
    ok: ['admin', 'office'],
    note: 'city reporter',
  },
  {
    route: 'PATCH /api/users/:id',
    url: (f) => `/api/users/${f.leaderUser}`,
    body: async (f) => ({ version: await version(f, 'users', f.leaderUser), displayName: '何敬峰' }),
    ok: ['admin'],
    note: 'leader: admin only',
  },
  {
    route: 'POST /api/users/:id/reset-password',
    url: (f) => `/api/users/${f.spareUser}/reset-password`,
    ok: ['admin', 'office'],
    note: 'city reporter',
  },
  {
    route: 'POST /api/users/:id/unlock',
    url: (f) => `/api/users/${f.spareUser}/unlock`,
    ok: ['admin', 'office'],
    note: 'city reporter',
  },
  {
    route: 'GET /api/projects',
    url: () => '/api/projects',
    ok: projectReaders,
    note: 'list (filtered by scope)',
  },
  {
    route: 'GET /api/projects/gantt',
    url: () => '/api/projects/gantt?planYear=2026',
    ok: projectReaders,
    note: 'the Gantt rows of the projects in scope',
  },
  {
    route: 'GET /api/projects/status',
    url: (f) => `/api/projects/status?projectIds=${f.projCity}`,
    ok: projectReaders,
    note: 'status of the projects in scope (others left out)',
  },
  {
    route: 'GET /api/projects/:id',
    url: (f) => `/api/projects/${f.projCity}`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city project: lead unit and owner',
  },
  {
    route: 'GET /api/projects/:id',
    url: (f) => `/api/projects/${f.projLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader', 'unit'],
    note: 'county project: unit co-operates',
  },
  {
    route: 'GET /api/projects/:id/stages',
    url: (f) => `/api/projects/${f.projCity}/stages`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city project',
  },
  {
    route: 'POST /api/projects',
    url: () => '/api/projects',
    body: (f, u) => projectBody(`C-${u}-${f.seq.n++}`, '230600'),
    ok: ['admin', 'office'],
    note: 'city region',
  },
  {
    route: 'POST /api/projects',
    url: () => '/api/projects',
    body: (f, u) => projectBody(`L-${u}-${f.seq.n++}`, '230623'),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county region',
  },
  {
    route: 'PATCH /api/projects/:id',
    url: (f) => `/api/projects/${f.projCity}`,
    body: async (f) => ({ version: await version(f, 'projects', f.projCity), address: '萨尔图区' }),
    ok: ['admin', 'office', 'unit'],
    note: 'city project: lead unit edits',
  },
  {
    route: 'PATCH /api/projects/:id',
    url: (f) => `/api/projects/${f.projLindian}`,
    body: async (f) => ({ version: await version(f, 'projects', f.projLindian), address: '林甸镇' }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county project: co-unit may not edit',
  },
  {
    route: 'POST /api/projects/:id/stage',
    url: (f) => `/api/projects/${f.projCity}/stage`,
    body: async (f) => {
      const p = await f.t.database.db
        .selectFrom('projects')
        .select(['version', 'stage'])
        .where('id', '=', f.projCity)
        .executeTakeFirstOrThrow();
      return {
        version: p.version,
        stage: p.stage === 'reserve' ? 'preliminary' : 'reserve',
        date: '2026-03-01',
      };
    },
    ok: ['admin', 'office', 'unit'],
    note: 'city project',
  },
  {
    route: 'PUT /api/projects/:id/responsibility',
    url: (f) => `/api/projects/${f.projCity}/responsibility`,
    body: async (f) => ({
      version: await version(f, 'projects', f.projCity),
      handlingOfficerId: f.personCity,
    }),
    ok: ['admin', 'office', 'unit'],
    note: 'officers: lead unit may name them',
  },
  {
    route: 'PUT /api/projects/:id/responsibility',
    url: (f) => `/api/projects/${f.projCity}/responsibility`,
    body: async (f) => ({ version: await version(f, 'projects', f.projCity), coUnitIds: [f.unitLindian] }),
    ok: ['admin', 'office'],
    note: 'the chain: office only',
  },
  {
    route: 'GET /api/projects/:id/plans',
    url: (f) => `/api/projects/${f.projCity}/plans`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city project',
  },
  {
    route: 'PUT /api/projects/:id/plans/:year/draft',
    url: (f) => `/api/projects/${f.projCity}/plans/2030/draft`,
    body: async (f) => ({ version: (await draftOf(f, 2030))?.version, plannedInvestment: '1200' }),
    ok: ['admin', 'office', 'unit'],
    note: 'lead unit prepares the plan',
  },
  {
    route: 'POST /api/projects/:id/plans/:year/approve',
    url: (f) => `/api/projects/${f.projCity}/plans/2031/approve`,
    body: async (f) => ({ version: (await ensureDraft(f, 2031)).version }),
    ok: ['admin', 'office'],
    note: 'only the office approves a baseline',
  },
  {
    route: 'GET /api/plan-drafts',
    url: () => '/api/plan-drafts?year=2031',
    ok: projectReaders,
    note: 'drafts of the projects in scope',
  },
  {
    route: 'POST /api/plan-drafts/approve',
    url: () => '/api/plan-drafts/approve',
    body: async (f) => {
      const d = await ensureDraft(f, 2032);
      return { plans: [{ id: d.id, version: d.version }], reason: '导入后批量批准' };
    },
    ok: ['admin', 'office'],
    note: 'batch approval: only the office over the project (a county office is refused for a city draft)',
  },
  {
    route: 'PUT /api/milestones/:id/actual',
    url: (f) => `/api/milestones/${f.milestone}/actual`,
    body: () => ({ actualDate: '2026-05-01' }),
    ok: ['admin', 'office', 'unit'],
    note: 'city project milestone',
  },
  {
    route: 'GET /api/projects/:id/procedures',
    url: (f) => `/api/projects/${f.projCity}/procedures`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city project',
  },
  {
    route: 'POST /api/projects/:id/procedures/apply-template',
    url: (f) => `/api/projects/${f.projCity}/procedures/apply-template`,
    body: () => ({ templateId: 1 }),
    ok: ['admin', 'office', 'unit'],
    note: 'city project',
  },
  {
    route: 'POST /api/projects/:id/procedures',
    url: (f) => `/api/projects/${f.projCity}/procedures`,
    body: (_f, u) => ({ name: `专项手续${u}` }),
    ok: ['admin', 'office', 'unit'],
    note: 'city project',
  },
  {
    route: 'PATCH /api/procedures/:id',
    url: (f) => `/api/procedures/${f.procedure}`,
    body: async (f) => ({
      version: (
        await f.t.database.db
          .selectFrom('project_procedures')
          .select('version')
          .where('id', '=', f.procedure)
          .executeTakeFirstOrThrow()
      ).version,
      note: '已报审',
    }),
    ok: ['admin', 'office', 'unit'],
    note: 'city project',
  },
  {
    route: 'GET /api/procedure-templates',
    url: () => '/api/procedure-templates',
    ok: projectReaders,
    note: 'templates',
  },
  {
    route: 'GET /api/dictionaries',
    url: () => '/api/dictionaries?kind=sector',
    ok: all,
    note: 'dictionaries: codes and labels, shown by every role',
  },
  {
    route: 'POST /api/dictionaries',
    url: () => '/api/dictionaries',
    body: (_f, u) => ({ kind: 'tag', label: `标签${u}` }),
    ok: ['admin', 'office'],
    note: 'a shared setting: the admin and the home office extend dictionaries, never a county',
  },
  {
    route: 'PATCH /api/dictionaries/:kind/:code',
    url: () => `/api/dictionaries/tag/${encodeURIComponent('专项债项目')}`,
    body: async (f) => ({
      version: (
        await f.t.database.db
          .selectFrom('dictionary_items')
          .select('version')
          .where('kind', '=', 'tag')
          .where('code', '=', '专项债项目')
          .executeTakeFirstOrThrow()
      ).version,
      labelEn: 'Special bond project',
    }),
    ok: ['admin', 'office'],
    note: 'a shared setting: the admin and the home office edit dictionaries, never a county',
  },
  {
    route: 'GET /api/shared-settings',
    url: () => '/api/shared-settings',
    ok: all,
    note: 'whether one may change the shared settings (scope.test.ts reads the answer)',
  },
  { route: 'GET /api/saved-views', url: () => '/api/saved-views?page=projects', ok: all, note: 'own views' },
  {
    route: 'POST /api/saved-views',
    url: () => '/api/saved-views',
    body: () => ({ page: 'projects', name: '我的视图', query: { stage: 'continuing' } }),
    ok: all,
    note: 'own views',
  },
  {
    route: 'DELETE /api/saved-views/:id',
    url: (f, u) => `/api/saved-views/${f.views.get(u === 'admin' ? 'office' : 'admin')}`,
    ok: [],
    note: "someone else's view: nobody",
  },
  {
    route: 'DELETE /api/saved-views/:id',
    url: (f, u) => `/api/saved-views/${f.views.get(u)}`,
    ok: all,
    note: 'own view',
  },
  { route: 'GET /api/project-lists', url: () => '/api/project-lists', ok: projectReaders, note: 'lists' },
  {
    route: 'GET /api/project-lists/:id',
    url: (f) => `/api/project-lists/${f.cityList}`,
    ok: projectReaders,
    note: 'city list',
  },
  {
    route: 'GET /api/project-lists/:id/members',
    url: (f) => `/api/project-lists/${f.cityList}/members`,
    ok: projectReaders,
    note: "city list's members, a page",
  },
  {
    route: 'GET /api/project-lists/:id/adjustments',
    url: (f) => `/api/project-lists/${f.cityList}/adjustments`,
    ok: projectReaders,
    note: 'city list',
  },
  {
    route: 'POST /api/project-lists',
    url: () => '/api/project-lists',
    body: (f, u) => ({ year: 2026, level: 'city', name: `市重点${u}${f.seq.n++}`, regionCode: '230600' }),
    ok: ['admin', 'office'],
    note: 'city list',
  },
  {
    route: 'POST /api/project-lists',
    url: () => '/api/project-lists',
    body: (f, u) => ({ year: 2026, level: 'county', name: `县重点${u}${f.seq.n++}`, regionCode: '230623' }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county list',
  },
  {
    route: 'POST /api/project-lists/:id/publish',
    url: (f) => `/api/project-lists/${f.scratch}/publish`,
    body: async (f) => ({ version: (await scratchList(f, 'draft', false)).version }),
    ok: ['admin', 'office'],
    note: 'city draft list',
  },
  {
    route: 'POST /api/project-lists/:id/members',
    url: (f) => `/api/project-lists/${f.scratch}/members`,
    body: async (f) => (await scratchList(f, 'draft', false), { projectId: f.projCity, batch: '在建' }),
    ok: ['admin', 'office'],
    note: 'draft list: office edits',
  },
  {
    route: 'POST /api/project-lists/:id/members',
    url: (f) => `/api/project-lists/${f.scratch}/members`,
    body: async (f) => (
      await scratchList(f, 'published', false),
      { projectId: f.projCity, batch: '在建', reason: '年中调入' }
    ),
    ok: ['admin', 'office', 'unit'],
    note: 'published list: lead unit may request',
  },
  {
    route: 'PATCH /api/project-lists/:id/members/:projectId',
    url: (f) => `/api/project-lists/${f.scratch}/members/${f.projCity}`,
    body: async (f) => (await scratchList(f, 'draft', true), { batch: '新开工' }),
    ok: ['admin', 'office'],
    note: 'draft list',
  },
  {
    route: 'POST /api/project-lists/:id/members/:projectId/remove',
    url: (f) => `/api/project-lists/${f.scratch}/members/${f.projCity}/remove`,
    body: async (f) => (await scratchList(f, 'draft', true), {}),
    ok: ['admin', 'office'],
    note: 'draft list',
  },
  {
    route: 'POST /api/list-adjustments/:id/decide',
    url: (f) => `/api/list-adjustments/${f.scratch}/decide`,
    body: async (f) => (await pendingAdjustment(f), { approve: true }),
    ok: ['admin', 'office'],
    note: "approve someone else's request",
  },
  {
    route: 'GET /api/projects/import/template',
    url: () => '/api/projects/import/template',
    ok: ['admin', 'office', 'office_lindian', 'unit'],
    note: 'template',
  },
  {
    route: 'POST /api/projects/import',
    url: () => '/api/projects/import?mode=dry-run',
    body: (f) => f.sheet,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ok: ['admin', 'office', 'office_lindian'],
    note: 'import: offices only',
  },
  {
    route: 'GET /api/projects/export.xlsx',
    url: () => '/api/projects/export.xlsx',
    ok: projectReaders,
    note: 'export what the list shows',
  },
  {
    route: 'GET /api/project-lists/:id/export.xlsx',
    url: (f) => `/api/project-lists/${f.cityList}/export.xlsx`,
    ok: projectReaders,
    note: 'list export',
  },
  {
    route: 'GET /api/projects/:id/lists',
    url: (f) => `/api/projects/${f.projCity}/lists`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city project',
  },
  {
    route: 'POST /api/procedure-templates',
    url: () => '/api/procedure-templates',
    body: (_f, u) => ({
      name: `工业项目${u}`,
      items: [{ name: '项目备案' }, { name: '环评批复', category: '环保' }],
    }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'offices define templates',
  },
  {
    route: 'GET /api/reports',
    url: () => '/api/reports?month=2026-10',
    ok: projectReaders,
    note: 'reports in scope',
  },
  {
    route: 'GET /api/reports/inbox',
    url: () => '/api/reports/inbox?month=2026-10',
    ok: projectReaders,
    note: 'own inbox',
  },
  {
    route: 'GET /api/projects/:projectId/reports/:month',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-10`,
    ok: cityReaders,
    note: 'city project',
  },
  {
    route: 'PUT /api/projects/:projectId/reports/:month/draft',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-09/draft`,
    body: async (f) => ({ version: (await reportIn(f, 9, 'draft'))?.version, ...reportBody }),
    ok: filers,
    note: 'lead unit and owner file',
  },
  {
    route: 'POST /api/projects/:projectId/reports/:month/submit',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-08/submit`,
    body: async (f) => ({ version: (await reportIn(f, 8, 'draft', true))!.version }),
    ok: filers,
    note: 'filers submit',
  },
  {
    route: 'POST /api/projects/:projectId/reports/:month/return',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-07/return`,
    body: async (f) => ({ version: (await reportIn(f, 7, 'submitted', true))!.version, reason: '数据有误' }),
    ok: ['admin', 'office'],
    note: 'office returns',
  },
  {
    route: 'POST /api/projects/:projectId/reports/:month/verify',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-06/verify`,
    body: async (f) => ({ version: (await reportIn(f, 6, 'submitted', true))!.version }),
    ok: ['admin', 'office'],
    note: 'office verifies',
  },
  {
    route: 'POST /api/projects/:projectId/reports/:month/amend',
    url: (f) => `/api/projects/${f.projCity}/reports/2026-05/amend`,
    body: async (f) => (await reportIn(f, 5, 'verified', true), { reason: '更正投资额', ...reportBody }),
    ok: ['admin', 'office'],
    note: 'office amends',
  },
  {
    route: 'GET /api/reports/overdue',
    url: () => '/api/reports/overdue?month=2026-10',
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: 'missing and late reports: offices and leaders of their subtree',
  },
  {
    route: 'GET /api/reports/reminders',
    url: () => '/api/reports/reminders?month=2026-10',
    ok: projectReaders,
    note: 'the 催报 of the projects one reads',
  },
  {
    route: 'POST /api/reports/verify',
    url: () => '/api/reports/verify',
    body: async (f) => {
      const r = (await reportIn(f, 2, 'submitted', true))!;
      return { reports: [{ id: r.id, version: r.version }] };
    },
    ok: ['admin', 'office'],
    note: 'batch verification: the office over the project (a county office is refused for a city report)',
  },
  {
    route: 'POST /api/reports/remind',
    url: () => '/api/reports/remind',
    body: (f) => ({ month: '2026-01', projectIds: [f.projCity] }),
    ok: ['admin', 'office'],
    note: '催报 of a city project: the office over it (the second the same day is answered, each refused)',
  },
  {
    route: 'GET /api/reports/import/sheet',
    url: () => '/api/reports/import/sheet?month=2026-10',
    ok: ['admin', 'office', 'office_lindian'],
    note: '月度信息报表 to fill: offices, each its own projects',
  },
  {
    route: 'POST /api/reports/import',
    url: () => '/api/reports/import?month=2026-10&mode=dry-run',
    body: (f) => f.sheet,
    headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    ok: ['admin', 'office', 'office_lindian'],
    note: 'monthly report import: offices only (a dry run of a sheet without the columns answers its problem)',
  },
  {
    route: 'GET /api/projects/:id/progress',
    url: (f) => `/api/projects/${f.projCity}/progress?year=2026`,
    ok: cityReaders,
    note: 'city project',
  },
  {
    route: 'POST /api/reports/:id/attachments',
    url: (f) => `/api/reports/${f.scratch}/attachments`,
    body: async (f) => ((f.scratch = (await reportIn(f, 4, 'draft', true))!.id), PNG),
    headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('现场照片.png') },
    ok: filers,
    note: 'photos on a draft',
  },
  {
    route: 'GET /api/attachments/:id',
    url: (f) => `/api/attachments/${f.attachment}`,
    ok: cityReaders,
    note: 'city project',
  },
  {
    route: 'DELETE /api/attachments/:id',
    url: (f) => `/api/attachments/${f.scratch}`,
    body: async (f) => ((f.scratch = await attachmentOn(f)), undefined),
    ok: filers,
    note: 'on a draft',
  },
  {
    route: 'GET /api/lights',
    url: () => '/api/lights?month=2026-10',
    ok: projectReaders,
    note: 'light board',
  },
  {
    route: 'GET /api/lights/export.xlsx',
    url: () => '/api/lights/export.xlsx?month=2026-10',
    ok: projectReaders,
    note: 'light board export',
  },
  {
    route: 'PUT /api/lights/:projectId/:month/override',
    url: (f) => `/api/lights/${f.projCity}/2026-10/override`,
    body: () => ({ color: 'green', justification: '现场核实进度正常' }),
    ok: ['admin', 'office'],
    note: 'office overrides',
  },
  {
    route: 'DELETE /api/lights/:projectId/:month/override',
    url: (f) => `/api/lights/${f.projCity}/2026-10/override`,
    ok: ['admin', 'office'],
    note: 'office clears',
  },
  {
    route: 'GET /api/reporting-calendars/:regionCode/:year',
    url: () => '/api/reporting-calendars/230600/2026',
    ok: projectReaders,
    note: 'city calendar',
  },
  {
    route: 'PUT /api/reporting-calendars/:regionCode/:year',
    url: () => '/api/reporting-calendars/230600/2026',
    body: async (f) => ({
      version: await calendarVersion(f, '230600'),
      deadlineDay: 8,
      aggregationDay: 12,
      rollToWorkingDay: true,
    }),
    ok: ['admin', 'office'],
    note: 'city calendar',
  },
  {
    route: 'PUT /api/reporting-calendars/:regionCode/:year',
    url: () => '/api/reporting-calendars/230623/2026',
    body: async (f) => ({
      version: await calendarVersion(f, '230623'),
      deadlineDay: 6,
      aggregationDay: 10,
      rollToWorkingDay: true,
    }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'county calendar',
  },
  {
    route: 'GET /api/calendar-corrections',
    url: () => '/api/calendar-corrections?year=2026',
    ok: all,
    note: 'corrections',
  },
  {
    route: 'PUT /api/calendar-corrections/:date',
    url: () => '/api/calendar-corrections/2026-12-31',
    body: () => ({ work: false, note: '地方假日' }),
    ok: ['admin', 'office'],
    note: 'a shared setting (every deadline reads it): the admin and the home office, never a county',
  },
  {
    route: 'PUT /api/calendar-corrections/:date',
    url: () => '/api/calendar-corrections/2026-12-08',
    body: () => ({ work: false, note: '林甸县自定休息日' }),
    ok: ['admin', 'office'],
    note: "the probe's write: a county may not move the city's deadlines",
  },
  {
    route: 'DELETE /api/calendar-corrections/:date',
    url: () => '/api/calendar-corrections/2026-12-08',
    ok: ['admin', 'office'],
    note: 'a shared setting: the admin and the home office',
  },
  {
    route: 'DELETE /api/calendar-corrections/:date',
    url: () => '/api/calendar-corrections/2026-12-31',
    ok: ['admin', 'office'],
    note: 'a shared setting: the admin and the home office',
  },
  {
    route: 'GET /api/light-rules/:regionCode/:year',
    url: () => '/api/light-rules/230600/2026',
    ok: projectReaders,
    note: 'rules in force',
  },
  {
    route: 'POST /api/light-rules/:regionCode/:year',
    url: () => '/api/light-rules/230600/2026',
    body: () => ({
      rules: {
        lagThreshold: 0.85,
        yellowOnStartOverdue: true,
        yellowOnMilestoneOverdue: true,
        yellowOnReportMissing: true,
        redAfterYellowMonths: 2,
        referralAfterRedMonths: 2,
      },
      reason: '年中调整阈值',
    }),
    ok: ['admin', 'office'],
    note: 'city rules',
  },
  {
    route: 'GET /api/month-closes/:regionCode/:month',
    url: () => '/api/month-closes/230600/2026-10',
    ok: ['admin', 'office', 'leader'],
    note: "city close: who holds the city (not a county, a unit or a reporter: the city's figures)",
  },
  {
    route: 'GET /api/month-closes/:regionCode/:month',
    url: () => '/api/month-closes/230600/latest?inherit=true',
    ok: ['admin', 'office', 'leader'],
    note: 'the newest city close: who holds the city',
  },
  {
    route: 'GET /api/month-closes/:regionCode/:month',
    url: () => '/api/month-closes/230623/2026-10?inherit=true',
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: "the county's rows of the city close: who holds the county",
  },
  {
    route: 'GET /api/month-closes/:regionCode/:month',
    url: () => '/api/month-closes/230621/2026-10?inherit=true',
    ok: ['admin', 'office', 'leader'],
    note: "a sibling county's rows: not 林甸县's",
  },
  {
    route: 'GET /api/month-closes/:regionCode',
    url: () => '/api/month-closes/230600',
    ok: ['admin', 'office', 'leader'],
    note: "the city's closed months: who holds the city",
  },
  {
    route: 'GET /api/month-closes/:regionCode',
    url: () => '/api/month-closes/230623?inherit=true',
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: "the county's months, its own and the city's: who holds the county",
  },
  {
    route: 'POST /api/month-closes/:regionCode/:month/run',
    url: () => '/api/month-closes/230600/2026-10/run',
    ok: ['admin', 'office'],
    note: 'city close',
  },
  {
    route: 'POST /api/month-closes/:regionCode/:month/publish',
    url: () => '/api/month-closes/230600/2026-09/publish',
    body: async (f) => (await computedClose(f, 9), undefined),
    ok: ['admin', 'office'],
    note: 'city close',
  },
  { route: 'GET /api/items', url: () => '/api/items', ok: itemReaders, note: 'list (filtered by scope)' },
  {
    route: 'GET /api/items/export',
    url: () => '/api/items/export',
    ok: itemReaders,
    note: 'ledger export (filtered by scope)',
  },
  {
    route: 'GET /api/items/indicators',
    url: () => '/api/items/indicators?by=unit&year=2026',
    ok: itemReaders,
    note: 'indicators (filtered by scope)',
  },
  {
    route: 'GET /api/items/escalations',
    url: () => '/api/items/escalations',
    ok: ['admin', 'office', 'office_lindian'],
    note: 'escalation proposals: offices only',
  },
  {
    route: 'POST /api/items',
    url: () => '/api/items',
    body: (f) => itemBody(f.projCity),
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'a problem on the city project: whoever reads the project (the owner too)',
  },
  {
    route: 'POST /api/items',
    url: () => '/api/items',
    body: () => ({
      kind: 'problem',
      regionCode: '230622',
      category: '其他',
      title: '肇源县的问题',
      description: '没有项目的问题',
    }),
    ok: ['admin', 'office', 'leader'],
    note: 'a problem placed in 肇源县: offices and leaders over it (a city unit may not, nor 林甸县)',
  },
  {
    route: 'POST /api/items',
    url: () => '/api/items',
    body: () => ({
      kind: 'problem',
      regionCode: '230600',
      category: '其他',
      title: '本市的问题',
      description: '没有项目的问题',
    }),
    ok: ['admin', 'office', 'leader', 'unit'],
    note: "a problem placed in the city: a city unit in its own region (a reporter's needs a project)",
  },
  {
    route: 'POST /api/items',
    url: () => '/api/items',
    body: () => ({
      kind: 'instruction',
      source: 'leader',
      regionCode: '230623',
      category: '其他',
      title: '领导批示事项',
      description: '请林甸县抓紧推进',
    }),
    ok: ['admin', 'office', 'office_lindian', 'leader'],
    note: 'an instruction in 林甸县: offices and leaders over it',
  },
  {
    route: 'GET /api/items/:id',
    url: (f) => `/api/items/${f.itemCity}`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'city item: region, lead unit, project owner',
  },
  {
    route: 'GET /api/items/:id',
    url: (f) => `/api/items/${f.itemLindian}`,
    ok: ['admin', 'office', 'office_lindian', 'leader', 'unit'],
    note: 'county item: unit co-operates (reads)',
  },
  {
    route: 'POST /api/items/:id/steps',
    url: (f) => `/api/items/${f.itemCity}/steps`,
    body: () => ({ action: 'remind', version: 1 }),
    ok: ['admin', 'office', 'leader'],
    note: 'remind an assigned city item: office and leader',
  },
  {
    route: 'POST /api/items/remind',
    url: () => '/api/items/remind',
    body: async (f) => ({ items: [{ id: f.itemCity, version: await itemVersion(f, f.itemCity) }] }),
    ok: ['admin', 'office', 'leader'],
    note: 'batch 催办 of an assigned city item: office and leader',
  },
  {
    route: 'POST /api/items/:id/steps',
    url: (f) => `/api/items/${f.scratch}/steps`,
    body: async (f) => ({
      action: 'assign',
      version: (await freshItem(f, { projectId: f.projLindian, region: '230623', status: 'new' })).version,
      responsibleUnitId: f.unitLindian,
    }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'assign a fresh county item: offices over it',
  },
  {
    route: 'POST /api/items/:id/steps',
    url: (f) => `/api/items/${f.scratch}/steps`,
    body: async (f) => ({
      action: 'respond',
      version: (
        await freshItem(f, { projectId: f.projCity, region: '230600', status: 'assigned', unit: f.unitCity })
      ).version,
      plan: '协调相关部门推进',
      promisedDate: '2099-12-31',
    }),
    ok: ['unit'],
    note: 'respond to a fresh city item: the responsible unit only',
  },
  {
    route: 'POST /api/items/:id/steps',
    url: (f) => `/api/items/${f.itemLindian}/steps`,
    body: async (f) => ({
      action: 'edit',
      version: await itemVersion(f, f.itemLindian),
      reason: '更正',
      title: '林甸事项',
    }),
    ok: ['admin', 'office', 'office_lindian'],
    note: 'edit a county item: offices over it (the co-unit may not)',
  },
  {
    route: 'POST /api/items/:id/dismiss-proposal',
    url: (f) => `/api/items/${f.itemCity}/dismiss-proposal`,
    body: () => ({ reason: '已协调，暂不升级' }),
    ok: ['admin', 'office'],
    note: 'city item: offices over it',
  },
  {
    route: 'POST /api/items/:id/attachments',
    url: (f) => `/api/items/${f.itemCity}/attachments`,
    body: () => PNG,
    headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('佐证.png') },
    ok: ['admin', 'office', 'unit'],
    note: 'evidence on the city item: the lead unit and the office',
  },
  {
    route: 'GET /api/item-attachments/:id',
    url: (f) => `/api/item-attachments/${f.itemAttachment}`,
    ok: ['admin', 'office', 'leader', 'unit', 'reporter'],
    note: 'evidence on the city item: its readers',
  },
  {
    route: 'DELETE /api/item-attachments/:id',
    url: (f) => `/api/item-attachments/${f.scratch}`,
    body: async (f) => (await itemAttachmentOn(f), undefined),
    ok: ['admin', 'office', 'unit'],
    note: 'evidence on the city item: the lead unit and the office',
  },
  { route: 'GET /api/item-settings', url: () => '/api/item-settings', ok: itemReaders, note: 'settings' },
  {
    route: 'PUT /api/item-settings',
    url: () => '/api/item-settings',
    body: async (f) => {
      const r = await f.t.database.db.selectFrom('item_settings').selectAll().executeTakeFirstOrThrow();
      return { ...(r.settings as object), version: r.version };
    },
    ok: ['admin', 'office'],
    note: 'a shared setting (every region): the admin and the home office, never a county',
  },
  { route: 'GET /api/notifications', url: () => '/api/notifications', ok: all, note: 'own inbox' },
  { route: 'GET /api/workbench', url: () => '/api/workbench', ok: all, note: 'own work, counted in scope' },
  {
    route: 'GET /api/notifications/unread-count',
    url: () => '/api/notifications/unread-count',
    ok: all,
    note: 'own inbox',
  },
  {
    route: 'POST /api/notifications/:id/read',
    url: (f, u) => `/api/notifications/${f.notices.get(u)}/read`,
    ok: all,
    note: 'own notification',
  },
  {
    route: 'POST /api/notifications/read-all',
    url: () => '/api/notifications/read-all',
    ok: all,
    note: 'own inbox',
  },
  {
    route: 'POST /api/auth/password',
    url: () => '/api/auth/password',
    body: () => ({ currentPassword: 'wrong-password-1', newPassword: 'another-pass-2026' }),
    ok: [],
    note: 'wrong current password: 400 for all',
  },
  ...meetingCases,
  { route: 'POST /api/auth/logout', url: () => '/api/auth/logout', ok: all, note: 'runs last' },
];
const publicRoutes = [
  'GET /api/health',
  'GET /api/openapi.json',
  'POST /api/auth/login',
  'GET /api/auth/session',
];

let f: Fixtures;
let clients: Map<U, Client>;
let app: FastifyInstance;

beforeAll(async () => {
  const t = await createTestApp();
  app = t.app;
  const db = t.database.db;
  const { zjj: unitCity, ldZjj: unitLindian, ctgs: reporterUnit } = await demoUnits(t);
  const id = async (username: string) =>
    await db
      .selectFrom('users')
      .select(['id', 'person_id'])
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
  const position = await db
    .selectFrom('positions')
    .select('id')
    .where('unit_id', '=', unitCity)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const personCity = await db
    .selectFrom('people')
    .select('id')
    .where('unit_id', '=', unitCity)
    .where('name', '!=', '')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const signedIn = await signInAs(t);
  clients = new Map(users.map((u) => [u, signedIn[u]]));
  const admin = signedIn.admin;
  const spare = await user(admin, {
    username: 'spare',
    displayName: '备用',
    role: 'reporter',
    regionCode: '230600',
    unitId: reporterUnit,
  });
  const tokens = new Map<U, number>();
  for (const u of users)
    tokens.set(u, (await clients.get(u)!.post('/api/tokens', { name: 'fixture' })).json().apiToken.id);
  f = {
    t,
    unitCity,
    unitLindian,
    personCity: personCity.id,
    personReporter: (await id('reporter')).person_id!,
    position: position.id,
    reporterUser: (await id('reporter')).id,
    leaderUser: (await id('leader')).id,
    spareUser: spare.user.id,
    tokens,
    projCity: 0,
    projLindian: 0,
    milestone: 0,
    procedure: 0,
    cityList: 0,
    scratch: 0,
    unitUser: (await id('unit')).id,
    attachment: 0,
    sheet: await buildResponsibilitySheet([
      {
        code: 'IMP-1',
        name: '导入测试',
        region: '230623',
        sector: '工业',
        nature: '企业投资',
        total: '100',
        leader: '林甸县县长',
        responsibleUnit: '林甸县人民政府',
      },
    ]),
    views: new Map(),
    seq: { n: 1 },
    itemCity: 0,
    itemLindian: 0,
    itemAttachment: 0,
    notices: new Map(),
    meetingCity: 0,
    meetingLindian: 0,
    seriesCity: 0,
    scratchEntry: 0,
  };
  const city = await cityProject(admin, {
    ...projectBody('FIX-CITY', '230600'),
    ownerUnitId: reporterUnit,
    responsibleUnitId: unitCity,
  });
  const lindian = await cityProject(admin, {
    ...projectBody('FIX-LD', '230623'),
    responsibleUnitId: unitLindian,
    coUnitIds: [unitCity],
  });
  f.projCity = city.id;
  f.projLindian = lindian.id;
  const plan = await admin.request({
    method: 'PUT',
    url: `/api/projects/${city.id}/plans/2029/draft`,
    payload: { plannedInvestment: '600', milestones: [{ name: '主体封顶', plannedDate: '2029-04-30' }] },
  });
  f.milestone = plan.json().milestones[0].id;
  f.cityList = (await scratchList(f, 'published', true)).id;
  const r3 = await reportIn(f, 3, 'draft', true);
  f.attachment = (
    await admin.request({
      method: 'POST',
      url: `/api/reports/${r3!.id}/attachments`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    })
  ).json().id;
  await db
    .insertInto('lights')
    .values({
      project_id: city.id,
      year: 2026,
      month: 10,
      computed: 'yellow',
      reasons: '[]',
      streak: 1,
      red_streak: 0,
      referral: false,
      planned_to_date: '100.00',
      done_to_date: '50.00',
      closed_by_region: '230600',
    })
    .execute();
  await admin.post('/api/month-closes/230600/2026-10/run');
  f.procedure = (await admin.post(`/api/projects/${city.id}/procedures`, { name: '施工许可证' })).json().id;
  // supervised items: one assigned on each project, evidence on the city one, a notice for everyone
  const { item: itemCity } = await supervisedItem(admin, {
    ...itemBody(city.id),
    assign: { responsibleUnitId: unitCity },
  });
  const { item: itemLindian } = await supervisedItem(admin, {
    ...itemBody(lindian.id),
    assign: { responsibleUnitId: unitLindian, coUnitIds: [unitCity] },
  });
  f.itemCity = itemCity.id;
  f.itemLindian = itemLindian.id;
  f.meetingCity = await freshMeeting(f, 'in_progress', 'manual');
  f.meetingLindian = (
    await db
      .insertInto('meetings')
      .values({
        type: 'monthly',
        title: '林甸县月度例会',
        region_code: '230623',
        level: 3,
        sections: ['review'],
        held_on: '2026-11-10',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  f.seriesCity = (
    await db
      .insertInto('meeting_series')
      .values({
        type: 'monthly',
        title: '市月度例会',
        region_code: '230600',
        level: 3,
        sections: ['review'],
        starts_on: '2026-01-01',
        recurrence: JSON.stringify({ freq: 'monthly', day: 15 }),
        ends: JSON.stringify({ kind: 'never' }),
        attendee_unit_ids: [f.unitCity],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  f.itemAttachment = (
    await admin.request({
      method: 'POST',
      url: `/api/items/${itemCity.id}/attachments`,
      payload: PNG,
      headers: { 'content-type': 'image/png' },
    })
  ).json().id;
  for (const u of users) {
    const notice = await db
      .insertInto('notifications')
      .values({
        user_id: (await id(u)).id,
        kind: 'assigned',
        title: '交办：访问测试',
        entity: 'item',
        entity_id: String(itemCity.id),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    f.notices.set(u, notice.id);
  }
  for (const u of users) {
    f.views.set(
      u,
      (await clients.get(u)!.post('/api/saved-views', { page: 'fixture', name: '视图', query: {} })).json()
        .id,
    );
  }
  return () => t.close();
});

describe('access: every route, every role, in and out of scope', () => {
  it('covers every registered API route', () => {
    // inspections' and assessment's routes are walked by access-inspections.test.ts and
    // access-assessment.test.ts, part by part
    const inspections = [...inspectionParts, ...assessmentParts].flatMap((p) => [
      ...p.cases.map((c) => c.route),
      ...(p.publicRoutes ?? []),
    ]);
    const covered = new Set([...cases.map((c) => c.route), ...publicRoutes, ...inspections]);
    const missing = [...apiRoutes.keys()].filter((r) => !covered.has(r));
    expect(missing).toEqual([]);
    expect(apiRoutes.size).toBeGreaterThan(30);
  });

  it('public routes answer without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    const session = await app.inject({ method: 'GET', url: '/api/auth/session' });
    expect([session.statusCode, session.json()]).toEqual([200, { user: null }]);
  });

  it('every non-public route answers 401 without a session', async () => {
    for (const c of cases) {
      const [method] = c.route.split(' ');
      const res = await app.inject({
        method: method as 'GET',
        url: c.url(f, 'admin'),
        payload: c.body ? ((await c.body(f, 'admin')) as object) : undefined,
      });
      expect(res.statusCode, `${c.route} (${c.note})`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('every role gets success in scope and 403 outside it', async () => {
    const failures: string[] = [];
    for (const c of cases) {
      const [method] = c.route.split(' ');
      for (const u of users) {
        const payload = c.body ? ((await c.body(f, u)) as object) : undefined;
        const res = await clients
          .get(u)!
          .request({ method: method as 'GET', url: c.url(f, u), payload, headers: c.headers });
        const expectOk = c.ok.includes(u);
        const okStatus = res.statusCode >= 200 && res.statusCode < 300;
        const denied = res.statusCode === 403;
        const wanted = expectOk ? okStatus : c.ok.length === 0 && !denied ? res.statusCode === 400 : denied;
        if (!wanted)
          failures.push(`${u} ${c.route} [${c.note}] → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    // about 300 cases × 8 roles in one walk: seconds idle, more on a loaded machine
  }, 180_000);
});
