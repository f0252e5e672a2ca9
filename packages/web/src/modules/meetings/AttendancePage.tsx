// 会议出席统计: per unit, the month's meetings it was called to and how it answered (for assessment).
import { useState } from 'react';
import { Table } from 'antd';
import { useAttendanceCounts, type AttendanceCount } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { MonthInput } from '../../components/MonthInput.tsx';
import { thisMonth } from '../../components/period.ts';
import { PageCard } from '../../components/StatusTag.tsx';

export default function AttendancePage() {
  const t = useT();
  const [month, setMonth] = useState(thisMonth());
  const { data, isFetching } = useAttendanceCounts(month);
  return (
    <PageCard
      title={t('menu.meetingAttendance')}
      extra={<MonthInput value={month} onChange={setMonth} testId="attendance-month" />}
    >
      <Table<AttendanceCount>
        rowKey={(r) => r.unit.id}
        size="middle"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        columns={[
          { title: t('field.unit'), key: 'unit', render: (_: unknown, r) => r.unit.name },
          { title: t('meeting.counts.meetings'), dataIndex: 'meetings' },
          { title: t('meeting.counts.present'), dataIndex: 'present' },
          { title: t('meeting.counts.delegated'), dataIndex: 'delegated' },
          { title: t('meeting.counts.absentExcused'), dataIndex: 'absentExcused' },
          { title: t('meeting.counts.absent'), dataIndex: 'absent' },
        ]}
      />
    </PageCard>
  );
}
