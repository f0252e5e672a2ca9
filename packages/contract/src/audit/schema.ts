/** Audit events (DOMAIN §11): append-only, hash-chained, one per mutation. */
import { z } from 'zod';
import { id, pageQuery } from '../common.ts';

export const auditEntities = [
  'region',
  'unit',
  'person',
  'position',
  'user',
  'api_token',
  'session',
  'project',
  'project_list',
  'annual_plan',
  'dictionary',
  'saved_view',
  'procedure_template',
  'report',
  'month_close',
  'reporting_calendar',
  'calendar_correction',
  'light_rules',
  'item',
  'item_settings',
  'notification',
  'meeting',
  'meeting_series',
  'inspection',
  'assessment_scheme',
  'score_row',
  'score_month',
  'enterprise',
  'enterprise_evaluation',
  'credit_record',
  'warning_card',
] as const;
export const auditEntity = z.enum(auditEntities);
export type AuditEntity = z.infer<typeof auditEntity>;

export const fieldChange = z.object({ before: z.unknown(), after: z.unknown() });

export const auditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  diff: z.record(z.string(), fieldChange),
  reason: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = pageQuery.extend({
  entity: auditEntity.optional(),
  id: z.string().trim().min(1).max(64).optional(),
  actorId: id.optional(),
});

export const actionLabels: Record<string, string> = {
  create: '新建',
  update: '修改',
  deactivate: '停用',
  activate: '启用',
  change_holder: '职务变更任职人',
  reset_password: '重置密码',
  unlock: '解除锁定',
  change_password: '修改密码',
  login: '登录',
  login_failed: '登录失败',
  locked: '账号锁定',
  logout: '退出登录',
  create_token: '创建令牌',
  revoke_token: '吊销令牌',
  change_stage: '变更阶段',
  change_responsibility: '变更责任分工',
  approve_baseline: '批准计划基线',
  milestone_actual: '填报节点实际日期',
  apply_procedure_template: '套用手续模板',
  add_procedure: '新增前期手续',
  update_procedure: '更新前期手续',
  save: '保存',
  report_submit: '报送月报',
  report_return: '退回月报',
  report_verify: '审核通过',
  report_amend: '更正月报',
  report_remind: '催报',
  add_attachment: '上传附件',
  remove_attachment: '删除附件',
  override_light: '调整灯色',
  clear_override: '取消灯色调整',
  run_close: '运行月度调度',
  publish: '发布名单',
  member_add: '调入名单',
  member_remove: '调出名单',
  member_change_batch: '调整批次',
  request_adjustment: '申请名单调整',
  approve_adjustment: '批准名单调整',
  reject_adjustment: '驳回名单调整',
  delete: '删除',
  // meetings (issue 13)
  move: '调整会议时间',
  schedule: '安排会议',
  start: '开始会议',
  reopen: '重新打开会议',
  generate_agenda: '生成议程',
  add_entry: '增加议题',
  remove_entry: '删除议题',
  move_entry: '调整议题顺序',
  outcome: '记录会议意见',
  disposition: '对照检查处理',
  attendance: '登记出席',
  meeting: '会议研究',
  // enterprise credit (issue 15)
  admit: '入库',
  suspend: '暂停承接',
  restore: '恢复承接',
  remove: '清出',
  readmit: '重新入库',
  // the score ledger (issue 15)
  revise: '修订',
  retire: '停用',
  approve: '审核通过',
  reject: '驳回',
  exemption_request: '申请豁免',
  exemption_approve: '同意豁免',
  exemption_reject: '驳回豁免',
  recompute: '重新计算',
  // 红黄牌 (issue 15)
  issue: '发出警示',
  acknowledge: '签收',
  lift: '撤销警示',
};

/**
 * Meetings' own words for the events of a meeting and of a series, where the general word would
 * mislead (a meeting's `close` is not an item's 销号), and for a meeting's mark on the timeline of
 * an item or a project (`meeting`), by what the meeting did: decided (议定事项), reviewed (对照检查),
 * or discussed. Keys: `entity.action`, `entity.action.kind`, `meeting@kind`.
 */
export const meetingEventLabels: Record<string, string> = {
  'meeting.create': '新建会议',
  'meeting.update': '修改会议',
  'meeting.schedule': '安排会议',
  'meeting.start': '会议召开',
  'meeting.close': '会议结束',
  'meeting.reopen': '重新打开会议',
  'meeting.cancel': '取消会议',
  'meeting.outcome': '记录会议意见',
  'meeting.outcome.decision': '会议议定事项',
  'meeting_series.create': '新建会议系列',
  'meeting_series.update': '修改会议系列',
  'meeting_series.extend': '续排会议',
  meeting: '会议研究',
  'meeting@decision': '会议议定事项',
  'meeting@disposition': '会议对照检查',
};

type LabelledEvent = {
  entity: string;
  action: string;
  diff?: Record<string, { before?: unknown; after?: unknown }>;
};

/**
 * The key an audit event is labelled by: a meeting's or a series' own event by its entity, a
 * meeting's mark on an item's or project's timeline by what the meeting did (the outcome's kind),
 * every other event by its action.
 */
export function auditActionKey(e: LabelledEvent): string {
  const kind = e.diff?.kind?.after;
  if (e.entity === 'meeting' || e.entity === 'meeting_series') {
    const own = `${e.entity}.${e.action}`;
    if (typeof kind === 'string' && `${own}.${kind}` in meetingEventLabels) return `${own}.${kind}`;
    if (own in meetingEventLabels) return own;
  }
  if (e.action === 'meeting' && typeof kind === 'string' && `meeting@${kind}` in meetingEventLabels)
    return `meeting@${kind}`;
  return e.action;
}
