// 会议系列: the series' rhythm and chair, and each of its meetings with its decisions and how many
// of their items are still open.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import type { MeetingStatus, MeetingSummary } from '@ducha/contract';
import { isApiError } from '../../api/client.ts';
import { useSeries } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { meetingName } from './names.ts';
import { MeetingStatusTag } from './parts.tsx';
import { rhythmText } from './rhythm.ts';
import { SeriesEditForm } from './SeriesEditForm.tsx';

export default function SeriesPage() {
  const t = useT();
  const L = useLabels();
  const id = Number(useParams().id);
  const { data, isLoading, error } = useSeries(Number.isInteger(id) && id > 0 ? id : null);
  const [editing, setEditing] = useState(false);
  if (isApiError(error) && (error.status === 404 || error.status === 403))
    return (
      <Result
        status={error.status === 404 ? '404' : '403'}
        title={error.message}
        extra={<Link to="/meetings">{t('meeting.back')}</Link>}
      />
    );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isLoading || !data) return <Skeleton active />;
  const s = data.series;
  return (
    <Card variant="borderless" data-testid="series-page">
      <Link to="/meetings">
        <ArrowLeftOutlined /> {t('meeting.back')}
      </Link>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={4} data-testid="series-heading">
          {s.title}
        </Typography.Title>
        {data.canManage && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="series-edit">
            {t('meeting.editSeries')}
          </Button>
        )}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('meeting.type')}>{L.meetingType(s.type)}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.recurrence')}>
          {rhythmText(s.recurrence, s.end, t)}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.time')}>{s.time}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.chair')}>
          {s.chair ? `${s.chair.title}${s.chair.holder ? `（${s.chair.holder}）` : ''}` : '-'}
        </Descriptions.Item>
        <Descriptions.Item label={t('meeting.place')}>{s.place || '-'}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.region')}>{s.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('meeting.attendees')} span={3}>
          {s.attendeeUnits.map((u) => u.name).join('、') || '-'}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('meeting.seriesMeetings')}</Typography.Title>
      <Table<MeetingSummary>
        rowKey="id"
        size="small"
        dataSource={data.meetings}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '#', dataIndex: 'seq', width: 60 },
          {
            title: t('meeting.heldOn'),
            dataIndex: 'heldOn',
            render: (d: string, m) => `${d} ${m.time}${m.moved ? `（${t('meeting.moved')}）` : ''}`,
          },
          {
            title: t('meeting.title'),
            key: 'title',
            render: (_: unknown, m) => (
              <Link to={`/meetings/${m.id}`} data-testid={`series-meeting-${m.seq}`}>
                {meetingName(m, t)}
              </Link>
            ),
          },
          {
            title: t('meeting.status'),
            dataIndex: 'status',
            render: (v: MeetingStatus) => <MeetingStatusTag status={v} />,
          },
          { title: t('meeting.minutesNo'), dataIndex: 'minutesNo', render: (v: string | null) => v ?? '-' },
          { title: t('meeting.decisions'), dataIndex: 'decisions' },
          {
            title: t('meeting.openDecisions'),
            dataIndex: 'openDecisions',
            render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : v),
          },
        ]}
      />
      {editing && <SeriesEditForm series={s} onClose={() => setEditing(false)} />}
    </Card>
  );
}
