/**
 * Meetings (DOMAIN §8): types with their templates, recurring series, meetings with a state
 * machine, an agenda generated from the previous meeting's decisions (对照检查), open items, the
 * month's lights and 现场交账, outcomes that become tracked items, attendance and minutes (会议纪要).
 */
import { z } from 'zod';
import { id, isoDate, pageQuery, yearMonth } from '../common.ts';
import { itemStatus } from '../items/schema.ts';

const text = (max: number, required: string) => z.string().trim().min(2, required).max(max);

// ---- types and their templates ----
export const meetingTypes = [
  'weekly',
  'monthly',
  'bimonthly',
  'quarterly',
  'coordination',
  'onsite',
  'leading_group',
] as const;
export const meetingType = z.enum(meetingTypes);
export type MeetingType = z.infer<typeof meetingType>;

/** The agenda's sections, in the order they are generated. */
export const meetingSections = ['review', 'open_items', 'lights', 'unit_report', 'manual'] as const;
export const meetingSection = z.enum(meetingSections);
export type MeetingSection = z.infer<typeof meetingSection>;
export const meetingSectionLabels: Record<MeetingSection, string> = {
  review: '对照检查：上次会议议定事项落实情况',
  open_items: '待协调解决的问题',
  lights: '本月红黄灯项目',
  unit_report: '现场交账',
  manual: '其他议题',
};

export interface MeetingTypeDefaults {
  label: string;
  /** the sections of its agenda template, always in `meetingSections` order */
  sections: readonly MeetingSection[];
  /** the escalation rung whose items it sees (1-based, the items' ladder) */
  level: number;
}
/** Seeds 000–004: 一周一交流、一月一例会、两月一督查、一季一点评, coordination and on-site meetings, the leading group. */
export const meetingTypeDefaults: Record<MeetingType, MeetingTypeDefaults> = {
  weekly: { label: '周交流会', sections: ['review', 'open_items', 'manual'], level: 3 },
  monthly: {
    label: '月度例会',
    sections: ['review', 'open_items', 'lights', 'unit_report', 'manual'],
    level: 3,
  },
  bimonthly: { label: '双月督查通报会', sections: ['review', 'open_items', 'lights', 'manual'], level: 3 },
  quarterly: { label: '季度点评会', sections: ['review', 'lights', 'unit_report', 'manual'], level: 4 },
  coordination: { label: '专题协调会', sections: ['review', 'open_items', 'manual'], level: 3 },
  onsite: { label: '现场办公会', sections: ['review', 'open_items', 'manual'], level: 3 },
  leading_group: {
    label: '领导小组调度会',
    sections: ['review', 'open_items', 'lights', 'manual'],
    level: 5,
  },
};

// ---- series ----
export const weekday = z.number().int().min(1, '星期应为 1–7').max(7, '星期应为 1–7');
/** weekly on a weekday; monthly on a day of the month, or on the nth (-1: last) weekday */
export const recurrence = z.discriminatedUnion('freq', [
  z.object({ freq: z.literal('weekly'), weekday }),
  z.object({ freq: z.literal('monthly'), day: z.number().int().min(1).max(31) }),
  z.object({
    freq: z.literal('monthly_weekday'),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday,
  }),
]);
export type Recurrence = z.infer<typeof recurrence>;
export const seriesEnd = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('never') }),
  z.object({ kind: z.literal('until'), date: isoDate }),
  z.object({ kind: z.literal('count'), count: z.number().int().min(1).max(200) }),
]);
export type SeriesEnd = z.infer<typeof seriesEnd>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');
const meetingFields = {
  type: meetingType,
  title: text(60, '请填写会议名称'),
  regionCode: z.string().min(6).max(12),
  chairPositionId: id.nullable().optional(),
  /** the escalation rung; defaults to the type's */
  level: z.number().int().min(1).max(8).optional(),
  time: time.default('09:00'),
  place: z.string().trim().max(100).default(''),
  attendeeUnitIds: z.array(id).max(200).default([]),
};

export const seriesCreate = z.object({
  ...meetingFields,
  startsOn: isoDate,
  recurrence,
  end: seriesEnd,
});
/**
 * Edit a series: its title, chair, place, usual time, attendees and end (on a date, after a count,
 * never). Its type, region and rhythm stay: a new rhythm is a new series.
 */
export const seriesUpdate = z.object({
  version: z.number().int().min(1),
  title: text(60, '请填写会议名称').optional(),
  chairPositionId: id.nullable().optional(),
  place: z.string().trim().max(100).optional(),
  time: time.optional(),
  attendeeUnitIds: z.array(id).max(200).optional(),
  end: seriesEnd.optional(),
});
export const meetingStatuses = ['draft', 'scheduled', 'in_progress', 'closed'] as const;
export const meetingStatus = z.enum(meetingStatuses);
export type MeetingStatus = z.infer<typeof meetingStatus>;
export const meetingStatusLabels: Record<MeetingStatus, string> = {
  draft: '草稿',
  scheduled: '已安排',
  in_progress: '进行中',
  closed: '已结束',
};
export const meetingActions = ['schedule', 'start', 'close', 'reopen'] as const;
export const meetingAction = z.enum(meetingActions);
export type MeetingAction = z.infer<typeof meetingAction>;
export const meetingActionLabels: Record<MeetingAction, string> = {
  schedule: '安排',
  start: '开始会议',
  close: '结束会议',
  reopen: '重新打开',
};

const ref = z.object({ id: z.number().int(), name: z.string() });

export const meetingSeries = z.object({
  id: z.number().int(),
  type: meetingType,
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  level: z.number().int(),
  chair: z
    .object({ positionId: z.number().int(), title: z.string(), holder: z.string().nullable() })
    .nullable(),
  time: z.string(),
  place: z.string(),
  startsOn: z.string(),
  recurrence,
  end: seriesEnd,
  attendeeUnits: z.array(ref),
  meetingCount: z.number().int(),
  version: z.number().int(),
});
export type MeetingSeries = z.infer<typeof meetingSeries>;

export const meetingSummary = z.object({
  id: z.number().int(),
  seriesId: z.number().int().nullable(),
  seriesTitle: z.string().nullable(),
  /** 第 N 次 in its series */
  seq: z.number().int().nullable(),
  type: meetingType,
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  heldOn: z.string(),
  time: z.string(),
  place: z.string(),
  status: meetingStatus,
  /** moved off the series' rhythm */
  moved: z.boolean(),
  /** 会议纪要 number, given at the first close: 〔2026〕3号 */
  minutesNo: z.string().nullable(),
  /** decisions (items raised or tracked) and how many of their items are still open */
  decisions: z.number().int(),
  openDecisions: z.number().int(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingCreate = z.object({
  ...meetingFields,
  heldOn: isoDate,
  /** append to a series (a further 专题协调会 of the same topic) */
  seriesId: id.nullable().optional(),
});
/** Move or edit one meeting (draft or scheduled): the rest of its series stays. */
export const meetingUpdate = z.object({
  version: z.number().int().min(1),
  title: text(60, '请填写会议名称').optional(),
  heldOn: isoDate.optional(),
  time: time.optional(),
  place: z.string().trim().max(100).optional(),
  chairPositionId: id.nullable().optional(),
  attendeeUnitIds: z.array(id).max(200).optional(),
});
export const meetingTransition = z.object({
  action: meetingAction,
  version: z.number().int().min(1),
  /** reopening a closed meeting needs a reason */
  reason: z.string().trim().max(500).nullable().optional(),
});
export const meetingVersion = z.object({ version: z.number().int().min(1) });

export const meetingQuery = pageQuery.extend({
  /** meetings held in this month (the calendar) */
  month: yearMonth.optional(),
  seriesId: id.optional(),
  status: meetingStatus.optional(),
  type: meetingType.optional(),
  regionCode: z.string().optional(),
  sort: z.enum(['heldOn', '-heldOn']).default('heldOn'),
});
export const seriesQuery = pageQuery.extend({ type: meetingType.optional() });

// ---- agenda entries ----
export const dispositions = ['done', 'extended', 'escalated', 'dropped'] as const;
export const disposition = z.enum(dispositions);
export type Disposition = z.infer<typeof disposition>;
export const dispositionLabels: Record<Disposition, string> = {
  done: '已落实，销号',
  extended: '延期办理',
  escalated: '提级协调',
  dropped: '不再跟踪',
};

export const entryStatuses = ['open', 'reached', 'not_reached'] as const;
export const entryStatus = z.enum(entryStatuses);

export const itemBrief = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  status: itemStatus,
  level: z.number().int(),
  dueDate: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  overdue: z.boolean(),
});
export type ItemBrief = z.infer<typeof itemBrief>;

export const outcomeKinds = ['note', 'item', 'decision'] as const;
export const outcomeKind = z.enum(outcomeKinds);
export const meetingOutcome = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  kind: outcomeKind,
  note: z.string(),
  /** the item linked or raised */
  item: itemBrief.nullable(),
  /** the step taken on a linked item */
  step: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingOutcome = z.infer<typeof meetingOutcome>;

export const meetingEntry = z.object({
  id: z.number().int(),
  section: meetingSection,
  sort: z.number().int(),
  title: z.string(),
  /** what the section generated: light colour and reasons, a unit's counts, the decision reviewed */
  detail: z.record(z.string(), z.unknown()),
  item: itemBrief.nullable(),
  project: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  unit: ref.nullable(),
  status: entryStatus,
  disposition: disposition.nullable(),
  dispositionNote: z.string().nullable(),
  dispositionDate: z.string().nullable(),
  /** carried over from an earlier meeting, how many times, and from which meetings */
  carriedFrom: z
    .object({ meetingId: z.number().int(), title: z.string(), heldOn: z.string(), times: z.number().int() })
    .nullable(),
  outcomes: z.array(meetingOutcome),
  version: z.number().int(),
});
export type MeetingEntry = z.infer<typeof meetingEntry>;

export const attendanceStatuses = ['present', 'delegated', 'absent_excused', 'absent'] as const;
export const attendanceStatus = z.enum(attendanceStatuses);
export type AttendanceStatus = z.infer<typeof attendanceStatus>;
export const attendanceStatusLabels: Record<AttendanceStatus, string> = {
  present: '出席',
  delegated: '委托出席',
  absent_excused: '请假',
  absent: '缺席（无故）',
};
export const attendanceRow = z
  .object({
    unitId: id,
    personName: z.string().trim().max(30).default(''),
    status: attendanceStatus,
    delegate: z.string().trim().max(30).nullable().optional(),
    reason: z.string().trim().max(200).nullable().optional(),
  })
  .superRefine((r, c) => {
    if (r.status === 'delegated' && !r.delegate)
      c.addIssue({ code: 'custom', path: ['delegate'], message: '委托出席须填写受托人' });
    if (r.status === 'absent_excused' && !r.reason)
      c.addIssue({ code: 'custom', path: ['reason'], message: '请假须填写原因' });
  });
export const attendanceUpdate = z.object({
  version: z.number().int().min(1),
  rows: z.array(attendanceRow).max(500),
});
export const attendanceEntry = z.object({
  unit: ref,
  personName: z.string(),
  status: attendanceStatus.nullable(),
  delegate: z.string().nullable(),
  reason: z.string().nullable(),
});

export const meetingDetail = z.object({
  meeting: meetingSummary.extend({
    level: z.number().int(),
    levelLabel: z.string(),
    chair: z
      .object({ positionId: z.number().int(), title: z.string(), holder: z.string().nullable() })
      .nullable(),
    sections: z.array(meetingSection),
    agendaGeneratedAt: z.string().nullable(),
    /** the meeting reviewed in 对照检查 */
    previous: z.object({ id: z.number().int(), title: z.string(), heldOn: z.string() }).nullable(),
    reopenCount: z.number().int(),
  }),
  entries: z.array(meetingEntry),
  /** expected units and who came */
  attendance: z.array(attendanceEntry),
  allowedActions: z.array(meetingAction),
  /** agenda and attendance may be edited; outcomes may be written */
  canEditAgenda: z.boolean(),
  canRecord: z.boolean(),
  /** 对照检查 entries still without a disposition (the meeting cannot close before they have one) */
  undisposed: z.number().int(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const entryCreate = z.object({
  version: z.number().int().min(1),
  title: text(200, '请填写议题'),
  note: z.string().trim().max(2000).optional(),
  itemId: id.nullable().optional(),
  projectId: id.nullable().optional(),
  unitId: id.nullable().optional(),
});
export const entryMove = z.object({ version: z.number().int().min(1), direction: z.enum(['up', 'down']) });

/** One outcome of an entry: a note, a step on an existing item, or a new decision item. */
export const outcomeCreate = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('note'), version: z.number().int().min(1), note: text(2000, '请填写会议意见') }),
  z.object({
    kind: z.literal('item'),
    version: z.number().int().min(1),
    itemId: id,
    note: text(2000, '请填写会议意见'),
    /** a step taken on it at the meeting */
    step: z.enum(['none', 'remind', 'escalate']).default('none'),
  }),
  z.object({
    kind: z.literal('decision'),
    version: z.number().int().min(1),
    title: text(60, '请填写议定事项'),
    note: text(2000, '请填写议定内容'),
    category: z.string().trim().min(1).max(30).default('其他'),
    responsibleUnitId: id,
    coUnitIds: z.array(id).max(20).default([]),
    responsibleLeaderPositionId: id.nullable().optional(),
    /** 完成时限 */
    resolutionDue: isoDate,
  }),
]);
export type OutcomeCreate = z.infer<typeof outcomeCreate>;

export const dispositionSet = z
  .object({
    version: z.number().int().min(1),
    disposition,
    /** extended: the new deadline */
    newDeadline: isoDate.nullable().optional(),
    reason: z.string().trim().max(500).nullable().optional(),
  })
  .superRefine((d, c) => {
    if (d.disposition === 'extended' && !d.newDeadline)
      c.addIssue({ code: 'custom', path: ['newDeadline'], message: '延期须填写新的完成时限' });
    if (d.disposition !== 'done' && (!d.reason || d.reason.length < 2))
      c.addIssue({ code: 'custom', path: ['reason'], message: '请填写理由' });
  });

// ---- attendance counts for assessment ----
export const attendanceCountQuery = z.object({
  month: yearMonth,
  regionCode: z.string().optional(),
});
export const attendanceCount = z.object({
  unit: ref,
  meetings: z.number().int(),
  present: z.number().int(),
  delegated: z.number().int(),
  absentExcused: z.number().int(),
  absent: z.number().int(),
});

// ---- series view ----
export const seriesDetail = z.object({
  series: meetingSeries,
  meetings: z.array(meetingSummary),
  canManage: z.boolean(),
});

// ---- minutes (会议纪要) ----
export const minutes = z.object({
  title: z.string(),
  number: z.string().nullable(),
  heldOn: z.string(),
  time: z.string(),
  place: z.string(),
  chair: z.string().nullable(),
  attendees: z.array(z.string()),
  absent: z.array(z.string()),
  review: z.array(
    z.object({ title: z.string(), code: z.string().nullable(), result: z.string(), status: z.string() }),
  ),
  decisions: z.array(
    z.object({
      no: z.number().int(),
      text: z.string(),
      unit: z.string().nullable(),
      deadline: z.string().nullable(),
      code: z.string().nullable(),
    }),
  ),
  notes: z.array(z.object({ topic: z.string(), text: z.string() })),
});
export type Minutes = z.infer<typeof minutes>;
