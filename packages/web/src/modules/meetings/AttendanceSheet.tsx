// 签到表: per unit and person — present, delegated (to whom), absent with a reason, absent without one.
// The expected units (attendees and the 现场交账 units) are listed; rows may be added for more people.
import { useState } from 'react';
import { App, Button, Input, Select, Space, Table, Typography } from 'antd';
import { attendanceStatuses, type AttendanceStatus, type MeetingDetail } from '@ducha/contract';
import { useSaveAttendance } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';
import { UnitSelect } from './parts.tsx';

interface Row {
  key: number;
  unitId: number | null;
  unitName: string;
  personName: string;
  status: AttendanceStatus | null;
  delegate: string;
  reason: string;
}

export function AttendanceSheet({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const save = useSaveAttendance();
  const onError = useApiError();
  const editable = detail.meeting.status !== 'closed' && (detail.canEditAgenda || detail.canRecord);
  const [rows, setRows] = useState<Row[]>(() =>
    detail.attendance.map((a, i) => ({
      key: i,
      unitId: a.unit.id,
      unitName: a.unit.name,
      personName: a.personName,
      status: a.status,
      delegate: a.delegate ?? '',
      reason: a.reason ?? '',
    })),
  );
  const set = (key: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const submit = () =>
    save.mutate(
      {
        id: detail.meeting.id,
        version: detail.meeting.version,
        rows: rows
          .filter((r) => r.unitId !== null && r.status !== null)
          .map((r) => ({
            unitId: r.unitId!,
            personName: r.personName.trim(),
            status: r.status!,
            delegate: r.delegate.trim() || null,
            reason: r.reason.trim() || null,
          })),
      },
      { onSuccess: () => message.success(t('meeting.recorded')), onError: (e) => onError(e) },
    );
  return (
    <Space vertical style={{ width: '100%' }} data-testid="attendance-sheet">
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('field.unit'),
            key: 'unit',
            render: (_: unknown, r) =>
              r.unitName || !editable ? (
                r.unitName
              ) : (
                <UnitSelect value={r.unitId} onChange={(v) => set(r.key, { unitId: v })} />
              ),
          },
          {
            title: t('meeting.person'),
            key: 'person',
            render: (_: unknown, r) =>
              editable ? (
                <Input
                  value={r.personName}
                  maxLength={30}
                  onChange={(e) => set(r.key, { personName: e.target.value })}
                />
              ) : (
                r.personName
              ),
          },
          {
            title: t('meeting.attendanceStatus'),
            key: 'status',
            render: (_: unknown, r) =>
              editable ? (
                <Select<AttendanceStatus>
                  value={r.status ?? undefined}
                  placeholder={t('meeting.notRecorded')}
                  style={{ width: 140 }}
                  options={attendanceStatuses.map((s) => ({ value: s, label: L.attendanceStatus(s) }))}
                  onChange={(status) => set(r.key, { status })}
                  data-testid={`attendance-status-${r.key}`}
                />
              ) : r.status ? (
                L.attendanceStatus(r.status)
              ) : (
                <Typography.Text type="secondary">{t('meeting.notRecorded')}</Typography.Text>
              ),
          },
          {
            title: t('meeting.delegate'),
            key: 'delegate',
            render: (_: unknown, r) =>
              editable && r.status === 'delegated' ? (
                <Input
                  value={r.delegate}
                  maxLength={30}
                  onChange={(e) => set(r.key, { delegate: e.target.value })}
                />
              ) : (
                r.delegate
              ),
          },
          {
            title: t('meeting.absenceReason'),
            key: 'reason',
            render: (_: unknown, r) =>
              editable && (r.status === 'absent_excused' || r.status === 'absent') ? (
                <Input
                  value={r.reason}
                  maxLength={200}
                  onChange={(e) => set(r.key, { reason: e.target.value })}
                />
              ) : (
                r.reason
              ),
          },
        ]}
      />
      {editable && (
        <Space>
          <Button
            onClick={() =>
              setRows((rs) => [
                ...rs,
                {
                  key: Math.max(0, ...rs.map((r) => r.key)) + 1,
                  unitId: null,
                  unitName: '',
                  personName: '',
                  status: null,
                  delegate: '',
                  reason: '',
                },
              ])
            }
          >
            {t('meeting.addPerson')}
          </Button>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="attendance-save">
            {t('meeting.saveAttendance')}
          </Button>
        </Space>
      )}
    </Space>
  );
}
