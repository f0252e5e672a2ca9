// 会议: header (title, 第 N 次, status, time, place, chair, minutes number, the meeting reviewed), the
// state buttons, and tabs: the agenda (generated, then edited), the run mode for the clerk (one entry
// at a time, quick outcome entry), the attendance sheet, the minutes (preview, Word and HTML) and the trail.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Modal,
  Result,
  Skeleton,
  Space,
  Steps,
  Switch,
  Tabs,
  Typography,
} from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { MeetingAction, MeetingDetail } from '@ducha/contract';
import { isApiError } from '../../api/client.ts';
import { useGenerateAgenda, useMeeting, useMeetingTransition } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { AuditTimeline } from '../../components/AuditTimeline.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { Agenda, DispositionForm, EntryDetail, EntryTags, OutcomeForm } from './Agenda.tsx';
import { AttendanceSheet } from './AttendanceSheet.tsx';
import { MinutesView } from './MinutesView.tsx';
import { meetingName } from './names.ts';
import { MeetingStatusTag } from './parts.tsx';

function Actions({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const L = useLabels();
  const transition = useMeetingTransition();
  const generate = useGenerateAgenda();
  const onError = useApiError();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const m = detail.meeting;
  const go = (action: MeetingAction, why?: string) =>
    transition.mutate(
      { id: m.id, action, version: m.version, reason: why ?? null },
      { onSuccess: () => setReopening(false), onError: (e) => onError(e) },
    );
  return (
    <Space wrap data-testid="meeting-actions">
      {detail.canEditAgenda && (
        <Button
          onClick={() => generate.mutate({ id: m.id, version: m.version }, { onError: (e) => onError(e) })}
          loading={generate.isPending}
          data-testid="meeting-generate"
        >
          {m.agendaGeneratedAt ? t('meeting.regenerate') : t('meeting.generate')}
        </Button>
      )}
      {detail.allowedActions.map((a) => (
        <Button
          key={a}
          type={a === 'reopen' ? 'default' : 'primary'}
          loading={transition.isPending}
          onClick={() => (a === 'reopen' ? setReopening(true) : go(a))}
          data-testid={`meeting-action-${a}`}
        >
          {L.meetingAction(a)}
        </Button>
      ))}
      {reopening && (
        <Modal
          open
          title={L.meetingAction('reopen')}
          onCancel={() => setReopening(false)}
          onOk={() => go('reopen', reason.trim())}
          okButtonProps={{ disabled: reason.trim().length < 2, 'data-testid': 'meeting-reopen-ok' }}
          confirmLoading={transition.isPending}
        >
          <Typography.Paragraph type="secondary">{t('meeting.reopenHelp')}</Typography.Paragraph>
          <Input.TextArea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('meeting.reopenReason')}
            maxLength={500}
            data-testid="meeting-reopen-reason"
          />
        </Modal>
      )}
    </Space>
  );
}

/** The clerk's run mode: one entry at a time, its tags and outcomes, and quick entry. */
function RunMode({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const L = useLabels();
  const [i, setI] = useState(0);
  const entries = detail.entries;
  if (!entries.length) return <Alert type="info" title={t('meeting.noEntries')} />;
  const at = Math.min(i, entries.length - 1);
  const entry = entries[at]!;
  const sections = detail.meeting.sections.filter((s) => entries.some((e) => e.section === s));
  return (
    <Card data-testid="run-mode">
      <Steps
        size="small"
        current={sections.indexOf(entry.section)}
        items={sections.map((s) => ({ title: L.meetingSection(s) }))}
        onChange={(n) => setI(entries.findIndex((e) => e.section === sections[n]))}
        style={{ marginBottom: 16 }}
      />
      <Space style={{ marginBottom: 8 }}>
        <Button onClick={() => setI(Math.max(0, at - 1))} disabled={at === 0} data-testid="run-prev">
          {t('meeting.prev')}
        </Button>
        <Typography.Text data-testid="run-position">
          {t('meeting.entryOf', { i: at + 1, n: entries.length })}
        </Typography.Text>
        <Button
          onClick={() => setI(Math.min(entries.length - 1, at + 1))}
          disabled={at === entries.length - 1}
          data-testid="run-next"
        >
          {t('meeting.next')}
        </Button>
      </Space>
      <Typography.Title level={4} data-testid="run-title">
        {entry.title}
      </Typography.Title>
      <Space vertical style={{ width: '100%' }}>
        <EntryTags entry={entry} />
        <EntryDetail entry={entry} />
        {entry.outcomes.map((o) => (
          <Alert key={o.id} type="success" title={o.note} showIcon />
        ))}
        {entry.section === 'review' && !entry.disposition && (
          <DispositionForm key={`d${entry.id}`} entry={entry} />
        )}
        <OutcomeForm key={`o${entry.id}-${entry.version}`} entry={entry} />
      </Space>
    </Card>
  );
}

function Header({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const L = useLabels();
  const m = detail.meeting;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered data-testid="meeting-fields">
      <Descriptions.Item label={t('meeting.heldOn')}>
        <span data-testid="meeting-when">
          {m.heldOn} {m.time}
        </span>
        {m.moved && <Typography.Text type="warning"> （{t('meeting.moved')}）</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('meeting.place')}>{m.place || '-'}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.type')}>{L.meetingType(m.type)}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.chair')}>
        {m.chair ? `${m.chair.title}${m.chair.holder ? `（${m.chair.holder}）` : ''}` : '-'}
      </Descriptions.Item>
      <Descriptions.Item label={t('meeting.level')}>{m.levelLabel}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.region')}>{m.regionName}</Descriptions.Item>
      <Descriptions.Item label={t('meeting.series')}>
        {m.seriesId ? <Link to={`/meetings/series/${m.seriesId}`}>{m.seriesTitle}</Link> : '-'}
      </Descriptions.Item>
      <Descriptions.Item label={t('meeting.previous')}>
        {m.previous ? (
          <Link to={`/meetings/${m.previous.id}`} data-testid="meeting-previous">
            {m.previous.title} {m.previous.heldOn}
          </Link>
        ) : (
          t('meeting.noPrevious')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('meeting.minutesNo')}>
        <span data-testid="meeting-minutes-no">{m.minutesNo ?? '-'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

export default function MeetingPage() {
  const t = useT();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const { data, isLoading, error } = useMeeting(valid ? id : null);
  const [run, setRun] = useState(false);
  const [tab, setTab] = useState('agenda');

  if (!valid || (isApiError(error) && error.status === 404))
    return (
      <Result
        status="404"
        title={t('meeting.notFound')}
        extra={<Link to="/meetings">{t('meeting.back')}</Link>}
      />
    );
  if (isApiError(error) && error.status === 403)
    return (
      <Result status="403" title={error.message} extra={<Link to="/meetings">{t('meeting.back')}</Link>} />
    );
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isLoading || !data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const m = data.meeting;
  return (
    <Card variant="borderless" data-testid="meeting-page">
      <Space vertical size={8} style={{ width: '100%', marginBottom: 16 }}>
        <Link to="/meetings">
          <ArrowLeftOutlined /> {t('meeting.back')}
        </Link>
        <Space wrap align="center">
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="meeting-heading">
            {meetingName(m, t)}
          </Typography.Title>
          <MeetingStatusTag status={m.status} />
        </Space>
        <Header detail={data} />
        <Actions detail={data} />
        {m.status === 'in_progress' && data.undisposed > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('meeting.undisposed', { n: data.undisposed })}
            data-testid="meeting-undisposed"
          />
        )}
        {m.status === 'closed' && <Alert type="info" showIcon title={t('meeting.readOnly')} />}
        {(m.status === 'draft' || m.status === 'scheduled') && data.canEditAgenda && (
          <Typography.Text type="secondary">{t('meeting.planned')}</Typography.Text>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        tabBarExtraContent={
          data.canRecord && (
            <Space>
              <Typography.Text>{t('meeting.runMode')}</Typography.Text>
              <Switch checked={run} onChange={setRun} data-testid="meeting-run-mode" />
            </Space>
          )
        }
        items={[
          {
            key: 'agenda',
            label: t('meeting.agenda'),
            children: run && data.canRecord ? <RunMode detail={data} /> : <Agenda detail={data} />,
          },
          { key: 'attendance', label: t('meeting.attendance'), children: <AttendanceSheet detail={data} /> },
          {
            key: 'minutes',
            label: t('meeting.minutes'),
            children: <MinutesView detail={data} active={tab === 'minutes'} />,
          },
          {
            key: 'audit',
            label: t('meeting.audit'),
            children: <AuditTimeline entity="meeting" id={String(m.id)} />,
          },
        ]}
      />
    </Card>
  );
}
