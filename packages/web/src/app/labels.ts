// Display labels for contract enums and audit fields, in the current language (zh from the contract).
import { useMemo } from 'react';
import {
  actionLabels,
  auditActionKey,
  meetingEventLabels,
  adjustmentKindLabels,
  batchSchemeLabels,
  investmentNatureLabels,
  itemActionLabels,
  itemKindLabels,
  itemSourceLabels,
  itemStatusLabels,
  lightDefinitions,
  lightLabels,
  listLevelLabels,
  attendanceStatusLabels,
  dispositionLabels,
  documentKindLabels,
  drawStatusLabels,
  findingKindLabels,
  inspectionActionLabels,
  inspectionKindLabels,
  inspectionStatusLabels,
  meetingActionLabels,
  meetingSectionLabels,
  meetingStatusLabels,
  meetingTypeDefaults,
  planStatusLabels,
  procedureStatusLabels,
  regionLevelLabels,
  reportStatusLabels,
  roleLabels,
  roles,
  stageLabels,
  timelinessLabels,
  unitTypeLabels,
  type DocumentKind,
  type DrawStatus,
  type findingKinds,
  type InspectionAction,
  type InspectionKind,
  type InspectionStatus,
  type Lang,
  type Role,
  type unitTypes,
} from '@ducha/contract';
import { useI18n, type TFunction } from './i18n.tsx';
import type { MsgKey } from './messages/zh.ts';

type UnitType = (typeof unitTypes)[number];
type FindingKind = (typeof findingKinds)[number];
type RegionLevel = keyof typeof regionLevelLabels;

const unitTypeEn: Record<UnitType, string> = {
  government: 'Government',
  department: 'Department',
  town: 'Town / street',
  zone: 'Development zone',
  soe: 'State-owned company',
  enterprise: 'Enterprise',
  other: 'Other',
};
const regionLevelEn: Record<RegionLevel, string> = {
  province: 'Province',
  city: 'City',
  county: 'County',
  town: 'Town',
};
const actionEn: Record<string, string> = {
  create: 'Created',
  update: 'Edited',
  deactivate: 'Deactivated',
  activate: 'Activated',
  change_holder: 'Holder changed',
  reset_password: 'Password reset',
  change_password: 'Password changed',
  login: 'Signed in',
  login_failed: 'Sign-in failed',
  locked: 'Account locked',
  logout: 'Signed out',
  create_token: 'Token created',
  revoke_token: 'Token revoked',
  unlock: 'Unlocked',
  change_stage: 'Stage changed',
  change_responsibility: 'Responsibility changed',
  approve_baseline: 'Baseline approved',
  milestone_actual: 'Milestone date recorded',
  apply_procedure_template: 'Procedure template applied',
  add_procedure: 'Procedure added',
  update_procedure: 'Procedure updated',
  save: 'Saved',
  publish: 'List published',
  member_add: 'Added to list',
  member_remove: 'Removed from list',
  member_change_batch: 'Batch changed',
  request_adjustment: 'Adjustment requested',
  approve_adjustment: 'Adjustment approved',
  reject_adjustment: 'Adjustment rejected',
  delete: 'Deleted',
  report_submit: 'Report submitted',
  report_return: 'Report returned',
  report_verify: 'Report verified',
  report_amend: 'Report corrected',
  report_remind: 'Reminded to report',
  add_attachment: 'Attachment added',
  remove_attachment: 'Attachment removed',
  override_light: 'Light overridden',
  clear_override: 'Override cleared',
  run_close: 'Month close run',
  raise: 'Raised',
  assign: 'Assigned',
  respond: 'Responded',
  resolve: 'Resolved',
  return: 'Returned',
  close: 'Closed out',
  merge: 'Merged',
  escalate: 'Escalated',
  list: 'Listed for supervision',
  remind: 'Reminded',
  edit: 'Edited',
  dismiss_proposal: 'Escalation dismissed',
  attach: 'Evidence uploaded',
  remove_item_attachment: 'Evidence removed',
  update_item_settings: 'Item settings saved',
  move: 'Meeting moved',
  schedule: 'Meeting scheduled',
  start: 'Meeting started',
  reopen: 'Meeting reopened',
  generate_agenda: 'Agenda generated',
  add_entry: 'Agenda entry added',
  remove_entry: 'Agenda entry removed',
  move_entry: 'Agenda reordered',
  outcome: 'Meeting outcome recorded',
  disposition: 'Review disposition',
  attendance: 'Attendance recorded',
  meeting: 'Discussed at a meeting',
};

/** English for the meetings' own event words (`meetingEventLabels`). */
const meetingEventEn: Record<string, string> = {
  'meeting.create': 'Meeting created',
  'meeting.update': 'Meeting edited',
  'meeting.schedule': 'Meeting scheduled',
  'meeting.start': 'Meeting held',
  'meeting.close': 'Meeting closed',
  'meeting.reopen': 'Meeting reopened',
  'meeting.cancel': 'Meeting cancelled',
  'meeting.outcome': 'Meeting outcome recorded',
  'meeting.outcome.decision': 'Meeting decision',
  'meeting_series.create': 'Series created',
  'meeting_series.update': 'Series edited',
  'meeting_series.extend': 'Series meetings laid out',
  meeting: 'Discussed at a meeting',
  'meeting@decision': 'Decided at a meeting',
  'meeting@disposition': 'Reviewed at a meeting',
};

/** English names of the meetings' enums (DOMAIN §8). */
const enMeetings = {
  type: {
    weekly: 'Weekly exchange',
    monthly: 'Monthly meeting',
    bimonthly: 'Bimonthly inspection',
    quarterly: 'Quarterly review',
    coordination: 'Coordination meeting',
    onsite: 'On-site office meeting',
    leading_group: 'Leading group meeting',
  } as Record<string, string>,
  status: { draft: 'Draft', scheduled: 'Scheduled', in_progress: 'In progress', closed: 'Closed' } as Record<
    string,
    string
  >,
  action: { schedule: 'Schedule', start: 'Start', close: 'Close', reopen: 'Reopen' } as Record<
    string,
    string
  >,
  section: {
    review: 'Review: last meeting’s decisions',
    open_items: 'Open items',
    lights: 'Red and yellow projects',
    unit_report: 'Units report (现场交账)',
    manual: 'Other topics',
  } as Record<string, string>,
  disposition: {
    done: 'Done, closed out',
    extended: 'Extended',
    escalated: 'Escalated',
    dropped: 'Dropped',
  } as Record<string, string>,
  attendance: {
    present: 'Present',
    delegated: 'Delegated',
    absent_excused: 'Excused',
    absent: 'Absent without reason',
  } as Record<string, string>,
};

/** English names of the registry's enums; Chinese ones come from the contract. */
const en = {
  stage: {
    reserve: 'Reserve',
    preliminary: 'Preliminary',
    new_start: 'New start',
    continuing: 'Continuing',
    completed: 'Completed',
    operating: 'In operation',
  } as Record<string, string>,
  nature: { government: 'Government', enterprise: 'Enterprise', ppp: 'PPP' } as Record<string, string>,
  planStatus: { draft: 'Draft', approved: 'Baseline in force', superseded: 'Past baseline' } as Record<
    string,
    string
  >,
  procedureStatus: {
    pending: 'Not started',
    in_progress: 'In progress',
    done: 'Done',
    not_required: 'Not required',
  } as Record<string, string>,
  listLevel: {
    province: 'Provincial key',
    city: 'City key',
    county: 'County key',
    leader: 'City leaders’ projects',
  } as Record<string, string>,
  batchScheme: { three_30: 'Ongoing / new start / preliminary', four_batches: 'Four batches' } as Record<
    string,
    string
  >,
  adjustmentKind: { add: 'Add', remove: 'Remove', change_batch: 'Change batch' } as Record<string, string>,
  batch: {
    在建: 'Under construction',
    新开工: 'New start',
    重大前期: 'Major preliminary',
    竣工投产一批: 'Completion and operation',
    开工建设一批: 'Construction start',
    申报立项一批: 'Approval application',
    包装储备一批: 'Preparation and reserve',
  } as Record<string, string>,
};

/** Monthly reports and lights in English. */
const enReports = {
  reportStatus: {
    draft: 'Draft',
    submitted: 'Submitted',
    verified: 'Verified',
    returned: 'Returned',
  } as Record<string, string>,
  timeliness: { on_time: 'On time', late: 'Late', missing: 'Missing' } as Record<string, string>,
  light: { green: 'Green', yellow: 'Yellow', red: 'Red' } as Record<string, string>,
  lightDefinition: {
    green: 'On track: no lag, no overdue milestone, monthly report filed on time.',
    yellow:
      'Warning: start overdue, or pace ratio below the threshold, or a milestone overdue, or the month’s report missing.',
    red: 'Seriously behind: yellow two months in a row (or red causes not removed). Red two months in a row is referred for accountability.',
  } as Record<string, string>,
};

/** Supervised items in English. */
const enItems = {
  kind: {
    problem: 'Problem',
    decision: 'Meeting decision',
    instruction: 'Leader instruction',
    rectification: 'Rectification',
  } as Record<string, string>,
  status: {
    new: 'To assign',
    assigned: 'Assigned',
    responded: 'Responded',
    resolved: 'Resolved',
    returned: 'Returned',
    closed: 'Closed out',
    merged: 'Merged',
  } as Record<string, string>,
  source: {
    report: 'Monthly report',
    project: 'Project page',
    inspection: 'Inspection',
    meeting: 'Meeting',
    complaint: 'Complaint',
    site_visit: 'Site visit',
    leader: 'Leader instruction',
    other: 'Other',
  } as Record<string, string>,
  action: {
    raise: 'Raise',
    assign: 'Assign',
    respond: 'Respond',
    resolve: 'Resolve',
    return: 'Return',
    close: 'Close out',
    merge: 'Merge',
    escalate: 'Escalate',
    list: 'List for supervision',
    remind: 'Remind',
    edit: 'Edit',
    dismiss_proposal: 'Dismiss escalation',
    attach: 'Upload evidence',
    merge_in: 'Duplicate merged in',
  } as Record<string, string>,
};

/**
 * Inspections (DOMAIN §7) in English: an inspection's procedure states and a draw's, the kinds of
 * inspections, findings and documents (文书), and the procedure's steps (its buttons and dialogs).
 */
export const enInspections = {
  status: {
    planned: 'Planned',
    noticed: 'Notified',
    on_site: 'On site',
    draft_report: 'Draft report, for comment',
    opinion_received: 'Opinion received',
    formal_report: 'Formal report',
    rectifying: 'Rectifying',
    rechecking: 'Re-checking',
    archived: 'Archived',
  } satisfies Record<InspectionStatus, string>,
  drawStatus: { draft: 'Draft', published: 'Published', drawn: 'Drawn' } satisfies Record<DrawStatus, string>,
  kind: {
    special: 'Special inspection',
    comprehensive: 'Comprehensive inspection',
    joint: 'Joint inspection',
    recheck: 'Re-check',
  } satisfies Record<InspectionKind, string>,
  findingKind: { problem: 'Problem', suggestion: 'Suggestion' } satisfies Record<FindingKind, string>,
  documentKind: {
    notice: 'Inspection notice',
    site_record: 'Site inspection record',
    draft_report: 'Inspection report (draft for comment)',
    opinion: 'Written opinion',
    formal_report: 'Inspection report',
    rectification_notice: 'Rectification notice',
    results: 'Rectification results report',
    recheck: 'Re-check record',
  } satisfies Record<DocumentKind, string>,
  action: {
    notify: 'Send inspection notice',
    start_site: 'Start site inspection',
    sign: 'Expert signs',
    confirm: 'Inspected unit seals and confirms',
    issue_draft: 'Issue draft for comment',
    opinion: 'Submit written opinion',
    answer: 'Answer the opinion',
    formal_report: 'Issue formal inspection report',
    rectify: 'Issue rectification notice',
    submit_results: 'Submit rectification results',
    plan_recheck: 'Schedule re-check',
    recheck_failed: 'Re-check failed',
    archive: 'Pass re-check and archive',
  } satisfies Record<InspectionAction, string>,
};

/**
 * The inspections' audit events other than their steps (an inspection's step is named as its button,
 * `inspectionAction`) and than create, update and delete (the general words): by entity, then action,
 * the message of the button that takes it, so the timeline names it as the page does.
 */
export const inspectionAuditEvents = {
  inspection: { add_finding: 'insp.addFinding' },
  inspection_plan: { approve: 'ilib.approve' },
  inspection_draw: {
    publish: 'draw.publish',
    draw: 'draw.enter',
    decline: 'draw.decline',
    create_inspections: 'draw.createInspections',
  },
} as const satisfies Record<string, Record<string, MsgKey>>;
const inspectionSteps: ReadonlySet<string> = new Set(Object.keys(enInspections.action));
const inspectionEventKeys = new Map<string, MsgKey>(
  Object.entries(inspectionAuditEvents).flatMap(([entity, actions]) =>
    Object.entries(actions).map(([action, key]): [string, MsgKey] => [`${entity}.${action}`, key]),
  ),
);

/** Audit diff field names that have a label in the dictionaries (`field.<name>`). */
const knownFields = new Set([
  'name',
  'shortName',
  'type',
  'regionCode',
  'parentId',
  'headPersonId',
  'liaisonPersonId',
  'phone',
  'active',
  'title',
  'unitId',
  'holderId',
  'holderName',
  'personId',
  'displayName',
  'role',
  'username',
  'level',
  'parentCode',
  'code',
  'lockedUntil',
  'mustChangePassword',
  'startDate',
  'endDate',
  'reason',
  'expiresAt',
  'revokedAt',
  'address',
  'longitude',
  'latitude',
  'sector',
  'scale',
  'investmentNature',
  'fundingSources',
  'totalInvestment',
  'ownerUnitId',
  'contractorUnitId',
  'supervisorUnitId',
  'agentUnitId',
  'designerUnitId',
  'basisDoc',
  'basisDocNo',
  'tags',
  'stage',
  'plannedStart',
  'plannedCompletion',
  'plannedProduction',
  'actualStart',
  'actualCompletion',
  'actualProduction',
  'reportsFrom',
  'leaderPositionId',
  'responsibleUnitId',
  'coUnitIds',
  'team',
  'responsiblePersonId',
  'handlingOfficerId',
  'batch',
  'projectId',
  'project',
  'plannedInvestment',
  'monthly',
  'milestones',
  'changeReason',
  'baselineNo',
  'effectiveFrom',
  'year',
  'milestone',
  'actualDate',
  'month',
  'reminders',
  'reportState',
]);

/** The labels in the current language (see labelsOf). */
export function useLabels() {
  const { lang, t } = useI18n();
  return useMemo(() => labelsOf(lang, t), [lang, t]);
}

/** The display labels of one language, `t` its translate function (pure, for tests). */
export function labelsOf(lang: Lang, t: TFunction) {
  const role = (r: string) => (roles.includes(r as Role) ? roleLabels[r as Role][lang] : r);
  const unitType = (u: string) =>
    (lang === 'zh' ? unitTypeLabels[u as UnitType] : unitTypeEn[u as UnitType]) ?? u;
  const regionLevel = (l: string) =>
    (lang === 'zh' ? regionLevelLabels[l as RegionLevel] : regionLevelEn[l as RegionLevel]) ?? l;
  const itemActionZh: Record<string, string> = itemActionLabels;
  const action = (a: string) =>
    (lang === 'zh' ? (actionLabels[a] ?? itemActionZh[a]) : actionEn[a]) ?? actionLabels[a] ?? a;
  const field = (raw: string) => {
    const f = raw.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()); // head_person_id → headPersonId
    return knownFields.has(f) ? t(`field.${f}` as MsgKey) : raw;
  };
  /** A contract enum label: zh from the contract's table, en from the table above. */
  const pick = (zh: Record<string, string>, enMap: Record<string, string>) => (v: string) =>
    (lang === 'zh' ? zh[v] : enMap[v]) ?? v;
  const stage = pick(stageLabels, en.stage);
  const nature = pick(investmentNatureLabels, en.nature);
  const planStatus = pick(planStatusLabels, en.planStatus);
  const procedureStatus = pick(procedureStatusLabels, en.procedureStatus);
  const listLevel = pick(listLevelLabels, en.listLevel);
  const batchScheme = pick(batchSchemeLabels, en.batchScheme);
  const adjustmentKind = pick(adjustmentKindLabels, en.adjustmentKind);
  const reportStatus = pick(reportStatusLabels, enReports.reportStatus);
  const timeliness = pick(timelinessLabels, enReports.timeliness);
  const light = pick(lightLabels, enReports.light);
  const lightDefinition = pick(lightDefinitions, enReports.lightDefinition);
  const itemKind = pick(itemKindLabels, enItems.kind);
  const itemStatus = pick(itemStatusLabels, enItems.status);
  const itemSource = pick(itemSourceLabels, enItems.source);
  /** A step on an item (button label, timeline entry). */
  const itemAction = pick(itemActionZh, enItems.action);
  const typeZh: Record<string, string> = Object.fromEntries(
    Object.entries(meetingTypeDefaults).map(([k, v]) => [k, v.label]),
  );
  const meetingType = pick(typeZh, enMeetings.type);
  const meetingStatus = pick(meetingStatusLabels, enMeetings.status);
  const meetingAction = pick(meetingActionLabels, enMeetings.action);
  const meetingSection = pick(meetingSectionLabels, enMeetings.section);
  const disposition = pick(dispositionLabels, enMeetings.disposition);
  const attendanceStatus = pick(attendanceStatusLabels, enMeetings.attendance);
  const inspectionStatus = pick(inspectionStatusLabels, enInspections.status);
  const drawStatus = pick(drawStatusLabels, enInspections.drawStatus);
  const inspectionKind = pick(inspectionKindLabels, enInspections.kind);
  const findingKind = pick(findingKindLabels, enInspections.findingKind);
  const documentKind = pick(documentKindLabels, enInspections.documentKind);
  /** A step of an inspection's procedure (its button and its dialog's title). */
  const inspectionAction = pick(inspectionActionLabels, enInspections.action);
  /**
   * An audit event's word: an inspection's step by the step's name, the inspections' other events by
   * their buttons' (a draw's publish is not a list's), a meeting's and a series' own (a meeting's
   * close is not 销号), else its action's.
   */
  const event = (e: Parameters<typeof auditActionKey>[0]) => {
    if (e.entity === 'inspection' && inspectionSteps.has(e.action)) return inspectionAction(e.action);
    const own = inspectionEventKeys.get(`${e.entity}.${e.action}`);
    if (own) return t(own);
    const key = auditActionKey(e);
    return (lang === 'zh' ? meetingEventLabels[key] : meetingEventEn[key]) ?? action(key);
  };
  /** Light reason codes and month-close dimensions: labels in the messages (`reason.*`, `dimension.*`). */
  const reasonCode = (c: string) => t(`reason.${c}` as MsgKey);
  const dimension = (d: string) => t(`dimension.${d}` as MsgKey);
  /** Batch names are Chinese data; English shows a translation of the known ones. */
  const batch = (b: string) => (lang === 'zh' ? b : (en.batch[b] ?? b));
  const value = (f: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('common.empty');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (f === 'role' && typeof v === 'string') return role(v);
    if (f === 'type' && typeof v === 'string') return unitType(v);
    if (f === 'level' && typeof v === 'string') return regionLevel(v);
    if (f === 'stage' && typeof v === 'string') return stage(v);
    if ((f === 'investmentNature' || f === 'investment_nature') && typeof v === 'string') return nature(v);
    if (f === 'reportState' && typeof v === 'string') return t(`overdue.state.${v}` as MsgKey);
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join('、') || t('common.empty');
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  };
  return {
    role,
    unitType,
    regionLevel,
    action,
    event,
    field,
    value,
    lang,
    stage,
    nature,
    planStatus,
    procedureStatus,
    listLevel,
    batchScheme,
    adjustmentKind,
    batch,
    reportStatus,
    timeliness,
    light,
    lightDefinition,
    reasonCode,
    dimension,
    itemKind,
    itemStatus,
    itemSource,
    itemAction,
    meetingType,
    meetingStatus,
    meetingAction,
    meetingSection,
    disposition,
    attendanceStatus,
    inspectionStatus,
    drawStatus,
    inspectionKind,
    findingKind,
    documentKind,
    inspectionAction,
  };
}
