// How a meeting is named on the pages: its title and, in a series, 第 N 次.
import type { MeetingSummary } from '@ducha/contract';
import type { TFunction } from '../../app/i18n.tsx';

export const meetingName = (m: Pick<MeetingSummary, 'title' | 'seq'>, t: TFunction) =>
  m.seq ? `${m.title}（${t('meeting.seq', { n: m.seq })}）` : m.title;
