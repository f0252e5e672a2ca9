// A series' rhythm in words, in the UI's language: 每周三，长期 / Weekly on Wednesday, no end date.
import type { Recurrence, SeriesEnd } from '@ducha/contract';
import type { TFunction } from '../../app/i18n.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';

/** A weekday (1 Monday … 7 Sunday) as the rhythm names it: 三 / Wednesday. */
export const weekdayName = (d: number, t: TFunction) => t(`meeting.weekdayName.${d}` as MsgKey);

export function rhythmText(r: Recurrence, end: SeriesEnd, t: TFunction): string {
  const when =
    r.freq === 'weekly'
      ? t('meeting.rhythm.weekly', { weekday: weekdayName(r.weekday, t) })
      : r.freq === 'monthly'
        ? t('meeting.rhythm.monthly', { day: r.day })
        : t('meeting.rhythm.monthly_weekday', {
            nth: t(`meeting.rhythm.nth.${r.nth === -1 ? 'last' : r.nth}`),
            weekday: weekdayName(r.weekday, t),
          });
  const until =
    end.kind === 'never'
      ? t('meeting.rhythm.never')
      : end.kind === 'until'
        ? t('meeting.rhythm.until', { date: end.date })
        : t('meeting.rhythm.count', { count: end.count });
  return t('meeting.rhythm', { when, until });
}
