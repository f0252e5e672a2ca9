/**
 * 红黄牌 (issue 15): formal warnings to units. The month's recompute issues a card when its trigger
 * holds (the scheme's `cards`: 黄牌 below a share of the monthly task, 红牌 after N 黄牌 in the
 * year or for an accountability referral); the office may issue one by hand with a reason. A card
 * has a notice (警示通知, numbered per region and year), the unit's acknowledgement and its lifting.
 */
import { z } from 'zod';
import { id, listOf, pageQuery, regionCode, versioned } from '../common.ts';
import { schemeYear } from './scheme.ts';

const text = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);

export const cardColors = ['yellow', 'red'] as const;
export type CardColor = (typeof cardColors)[number];
export const cardColorLabels: Record<CardColor, string> = { yellow: '黄牌', red: '红牌' };
export const cardTriggers = ['task_below', 'yellow_repeat', 'referral', 'manual'] as const;
export type CardTrigger = (typeof cardTriggers)[number];
export const cardTriggerLabels: Record<CardTrigger, string> = {
  task_below: '月度任务完成不足',
  yellow_repeat: '多次黄牌',
  referral: '问责移送',
  manual: '人工警示',
};
export const cardStatuses = ['issued', 'acknowledged', 'lifted'] as const;
export type CardStatus = (typeof cardStatuses)[number];
export const cardStatusLabels: Record<CardStatus, string> = {
  issued: '已发出',
  acknowledged: '已签收',
  lifted: '已撤销',
};

export const warningCard = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  color: z.enum(cardColors),
  year: z.number().int(),
  month: z.number().int(),
  trigger: z.enum(cardTriggers),
  triggerDetail: z.string(),
  /** 黄牌警示〔2026〕3号 */
  noticeNo: z.string(),
  notice: z.string(),
  status: z.enum(cardStatuses),
  issuedBy: z.string().nullable(),
  issuedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgement: z.string().nullable(),
  liftedBy: z.string().nullable(),
  liftedAt: z.string().nullable(),
  liftReason: z.string().nullable(),
  version: z.number().int(),
});
export type WarningCard = z.infer<typeof warningCard>;

export const cardQuery = pageQuery.extend({
  regionCode: regionCode.optional(),
  year: schemeYear.optional(),
  unitId: id.optional(),
  color: z.enum(cardColors).optional(),
  status: z.enum(cardStatuses).optional(),
});
export const cardCreate = z.strictObject({
  regionCode,
  unitId: id,
  color: z.enum(cardColors),
  year: schemeYear,
  month: z.coerce.number().int().min(1).max(12),
  reason: text(500),
});
export const cardAcknowledge = versioned.extend({ note: text(500) });
export const cardLift = versioned.extend({ reason: text(500) });

export const warningCardList = listOf(warningCard);
export type WarningCardList = z.infer<typeof warningCardList>;
/** The export takes the list's filters, without paging. */
export const cardExportQuery = cardQuery.omit({ page: true, pageSize: true });
