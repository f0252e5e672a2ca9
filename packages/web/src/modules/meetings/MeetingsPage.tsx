// 会议日历: the month's meetings on a calendar, or a list (filters by type and status); the office
// creates a recurring series or a single meeting (a 专题协调会) from here.
import { useState } from 'react';
import { Link } from 'react-router';
import { Badge, Button, Calendar, Segmented, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  meetingStatuses,
  meetingTypes,
  type MeetingStatus,
  type MeetingSummary,
  type MeetingType,
} from '@ducha/contract';
import { useMeetings } from '../../api/meetings.ts';
import { useCan } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { ListPage } from '../../components/ListPage.tsx';
import { PageCard } from '../../components/StatusTag.tsx';
import { useTableState } from '../../components/useTableState.ts';
import { meetingName } from './names.ts';
import { MeetingForm, MeetingStatusTag, SeriesForm } from './parts.tsx';

type Filters = { type?: MeetingType; status?: MeetingStatus; sort?: 'heldOn' | '-heldOn' };

const badge: Record<MeetingStatus, 'default' | 'processing' | 'warning' | 'success'> = {
  draft: 'default',
  scheduled: 'processing',
  in_progress: 'warning',
  closed: 'success',
};

function MonthView() {
  const t = useT();
  const [month, setMonth] = useState(() => dayjs());
  const { data } = useMeetings({ month: month.format('YYYY-MM'), pageSize: 500 });
  const byDay = new Map<string, MeetingSummary[]>();
  for (const m of data?.items ?? []) byDay.set(m.heldOn, [...(byDay.get(m.heldOn) ?? []), m]);
  return (
    <div data-testid="meeting-calendar">
      <Calendar
        value={month}
        onPanelChange={(d: Dayjs) => setMonth(d)}
        onChange={(d: Dayjs) => setMonth(d)}
        cellRender={(d: Dayjs, info) => {
          if (info.type !== 'date') return info.originNode;
          const list = byDay.get(d.format('YYYY-MM-DD')) ?? [];
          return (
            <Space vertical size={2}>
              {list.map((m) => (
                <Link key={m.id} to={`/meetings/${m.id}`} data-testid={`calendar-meeting-${m.id}`}>
                  <Badge status={badge[m.status]} text={`${m.time} ${meetingName(m, t)}`} />
                </Link>
              ))}
            </Space>
          );
        }}
      />
    </div>
  );
}

function ListView() {
  const t = useT();
  const L = useLabels();
  const table = useTableState<Filters>({ sort: '-heldOn' });
  const query = useMeetings(table.params);
  return (
    <ListPage<MeetingSummary, Filters>
      title={t('meeting.list')}
      testId="meeting"
      table={table}
      query={query}
      searchPlaceholder={t('meeting.search')}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('meeting.type')}
            style={{ width: 160 }}
            options={meetingTypes.map((v) => ({ value: v, label: L.meetingType(v) }))}
            onChange={(type?: MeetingType) => table.setFilter({ type })}
          />
          <Select
            allowClear
            placeholder={t('meeting.status')}
            style={{ width: 120 }}
            options={meetingStatuses.map((v) => ({ value: v, label: L.meetingStatus(v) }))}
            onChange={(status?: MeetingStatus) => table.setFilter({ status })}
          />
        </>
      }
      columns={[
        { title: t('meeting.heldOn'), dataIndex: 'heldOn', render: (d: string, m) => `${d} ${m.time}` },
        {
          title: t('meeting.title'),
          key: 'title',
          render: (_: unknown, m) => (
            <Link to={`/meetings/${m.id}`} data-testid={`meeting-row-${m.id}`}>
              {meetingName(m, t)}
            </Link>
          ),
        },
        { title: t('meeting.type'), dataIndex: 'type', render: (v: MeetingType) => L.meetingType(v) },
        { title: t('meeting.region'), dataIndex: 'regionName' },
        { title: t('meeting.place'), dataIndex: 'place' },
        {
          title: t('meeting.status'),
          dataIndex: 'status',
          render: (s: MeetingStatus) => <MeetingStatusTag status={s} />,
        },
        {
          title: t('meeting.decisions'),
          key: 'decisions',
          render: (_: unknown, m) => t('meeting.decisionsOpen', { n: m.decisions, open: m.openDecisions }),
        },
        {
          title: t('meeting.series'),
          key: 'series',
          render: (_: unknown, m) =>
            m.seriesId ? <Link to={`/meetings/series/${m.seriesId}`}>{m.seriesTitle}</Link> : '-',
        },
      ]}
    />
  );
}

export default function MeetingsPage() {
  const t = useT();
  const can = useCan();
  const [view, setView] = useState<'month' | 'list'>('month');
  const [creating, setCreating] = useState<'series' | 'meeting' | null>(null);
  const writable = can('meeting.write');
  return (
    <PageCard
      title={
        <Space>
          <Typography.Text strong>{t('menu.meetings')}</Typography.Text>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'month' | 'list')}
            options={[
              { value: 'month', label: t('meeting.calendar') },
              { value: 'list', label: t('meeting.list') },
            ]}
            data-testid="meeting-view"
          />
        </Space>
      }
      extra={
        writable && (
          <Space>
            <Button onClick={() => setCreating('meeting')} data-testid="meeting-create">
              {t('meeting.create')}
            </Button>
            <Button type="primary" onClick={() => setCreating('series')} data-testid="series-create">
              {t('meeting.createSeries')}
            </Button>
          </Space>
        )
      }
    >
      {view === 'month' ? <MonthView /> : <ListView />}
      {creating === 'series' && <SeriesForm onClose={() => setCreating(null)} />}
      {creating === 'meeting' && <MeetingForm onClose={() => setCreating(null)} />}
    </PageCard>
  );
}
