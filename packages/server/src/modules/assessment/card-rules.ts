/**
 * The rules of 红黄牌 (issue 15), pure: the triggers of a month's facts under the scheme's `cards`
 * config, the fact keys that keep a card from being issued twice, the notice number and text, and
 * the card's state machine (issued → acknowledged → lifted).
 */
import {
  cardColorLabels,
  cardTriggerLabels,
  Decimal,
  type CardColor,
  type CardConfig,
  type CardStatus,
  type CardTrigger,
} from '@ducha/contract';

/** The working days a unit has to acknowledge (签收) a card with its measures, as the notice says. */
export const ACK_WORKING_DAYS = 5;

export interface CardDraft {
  unitId: number;
  color: CardColor;
  trigger: Exclude<CardTrigger, 'manual'>;
  factKey: string;
  detail: string;
}

/** A ratio as a percentage for people: 0.5200 → 52.0%; rounded down, so a pace below 60% never reads 60.0%. */
export const pacePct = (r: string) => `${new Decimal(r).mul(100).toFixed(1, Decimal.ROUND_DOWN)}%`;
/** A threshold as written in a scheme: 0.6000 → 60%, 0.655 → 65.5%. */
export const thresholdPct = (r: string) => `${new Decimal(r).mul(100).toDecimalPlaces(2).toString()}%`;

/** 黄牌 `task_below`: the month's 序时完成率 below `yellowBelowPace`; no plan (null pace), no card. */
export function taskBelowCard(
  cfg: CardConfig,
  unitId: number,
  month: number,
  pace: string | null,
): CardDraft | null {
  if (pace === null || !new Decimal(pace).lt(cfg.yellowBelowPace)) return null;
  return {
    unitId,
    color: 'yellow',
    trigger: 'task_below',
    factKey: `task_below:u${unitId}:m${month}`,
    detail: `${month}月序时完成率 ${pacePct(pace)}，低于 ${thresholdPct(cfg.yellowBelowPace)}`,
  };
}

/**
 * 红牌 `yellow_repeat`: the year's unlifted 黄牌 (to the month, this month's included) reach a
 * multiple of `redAfterYellows`. The key carries that multiple (n2, n4…): the 2nd 黄牌 gives one
 * 红牌, lifting one and getting another gives none, the 4th gives the next.
 */
export function yellowRepeatCard(cfg: CardConfig, unitId: number, unlifted: number): CardDraft | null {
  const n = Math.floor(unlifted / cfg.redAfterYellows) * cfg.redAfterYellows;
  if (n < 1) return null;
  return {
    unitId,
    color: 'red',
    trigger: 'yellow_repeat',
    factKey: `yellow_repeat:u${unitId}:n${n}`,
    detail: `本年度未撤销的黄牌累计 ${unlifted} 张，达到 ${cfg.redAfterYellows} 张`,
  };
}

/** 红牌 `referral`: the unit has counted `referral` rows in the month (one card per unit and month). */
export function referralCard(
  cfg: CardConfig,
  unitId: number,
  month: number,
  referrals: number,
): CardDraft | null {
  if (!cfg.redOnReferral || referrals < 1) return null;
  return {
    unitId,
    color: 'red',
    trigger: 'referral',
    factKey: `referral:u${unitId}:m${month}`,
    detail: `${month}月被问责移送 ${referrals} 起`,
  };
}

/**
 * The notice number. One sequence per region and year for both colours (the table's unique
 * (region, year, notice_seq)): like a 文号 series, a 红牌 takes the next number after the 黄牌 before it.
 */
export const noticeNo = (color: CardColor, year: number, seq: number) =>
  `${cardColorLabels[color]}警示〔${year}〕${seq}号`;

export interface NoticeFacts {
  color: CardColor;
  trigger: CardTrigger;
  detail: string;
  year: number;
  month: number;
  seq: number;
  unitName: string;
  regionName: string;
  schemeName: string;
  /** YYYY-MM-DD */
  issuedOn: string;
}

const dateZh = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/**
 * The 警示通知, one paragraph a line: its number, title, addressee, the facts and the decision,
 * what the unit must do, and the issuing office and date (the .docx lays the lines out).
 */
export function noticeText(f: NoticeFacts): string {
  const label = cardColorLabels[f.color];
  const office = `${f.regionName}重点项目建设督查办公室`;
  const why =
    f.trigger === 'manual'
      ? `经研究，因${f.detail}，决定对你单位给予${label}警示。`
      : `经考核，你单位${f.detail}，依据《${f.schemeName}》“${cardTriggerLabels[f.trigger]}”的规定，决定对你单位给予${label}警示。`;
  const after =
    f.color === 'red'
      ? '红牌警示在年度考核中通报，并视情况移送效能、纪检部门。'
      : `本年度黄牌累计达到规定次数的，给予红牌警示。`;
  return [
    noticeNo(f.color, f.year, f.seq),
    `关于对${f.unitName}给予${label}警示的通知`,
    `${f.unitName}：`,
    why,
    `请你单位高度重视，认真查找原因，制定整改措施，自收到本通知之日起 ${ACK_WORKING_DAYS} 个工作日内签收，并将整改措施报送${office}。${after}`,
    office,
    dateZh(f.issuedOn),
  ].join('\n');
}

export type CardStep = 'acknowledge' | 'lift';

/** The state machine: one row per step (who may take it is the policy's, card-policy.ts). */
export const cardSteps: Record<CardStep, { from: readonly CardStatus[]; to: CardStatus }> = {
  acknowledge: { from: ['issued'], to: 'acknowledged' },
  lift: { from: ['issued', 'acknowledged'], to: 'lifted' },
};

const refusals: Record<CardStep, Partial<Record<CardStatus, string>>> = {
  acknowledge: { acknowledged: '该警示已签收', lifted: '该警示已撤销，无需签收' },
  lift: { lifted: '该警示已撤销' },
};

/** Why a step may not be taken from a status (a Chinese message), or null when it may. */
export function stepRefusal(step: CardStep, status: CardStatus): string | null {
  if (cardSteps[step].from.includes(status)) return null;
  return refusals[step][status] ?? '当前状态不能进行此操作';
}
