// The agenda of a meeting: its sections in order, each entry with what was generated (an item's live
// status, a light and its reasons, a unit's counts), where it was carried from, its outcomes and its
// disposition; the forms to record an outcome and to dispose of a reviewed decision.
import { useState } from 'react';
import { Link } from 'react-router';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import {
  dispositions,
  type Disposition,
  type ItemStatus,
  type LightColor,
  type MeetingDetail,
  type MeetingEntry,
  type MeetingSection,
} from '@ducha/contract';
import {
  useAddEntry,
  useAddOutcome,
  useMoveEntry,
  useRemoveEntry,
  useSetDisposition,
  type OutcomeBody,
} from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { LightTag } from '../../components/LightTag.tsx';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { ItemSelect, UnitSelect } from './parts.tsx';

export function EntryTags({ entry }: { entry: MeetingEntry }) {
  const t = useT();
  const L = useLabels();
  const d = entry.detail as Record<string, unknown>;
  return (
    <Space wrap size={4}>
      {entry.item && (
        <Link to={`/items/${entry.item.id}`}>
          <Tag>{entry.item.code}</Tag>
        </Link>
      )}
      {entry.item && <Tag color="blue">{L.itemStatus(entry.item.status as ItemStatus)}</Tag>}
      {entry.item?.overdue && <Tag color="red">{t('meeting.overdue')}</Tag>}
      {entry.item?.dueDate && (
        <Typography.Text type="secondary">{t('meeting.due', { date: entry.item.dueDate })}</Typography.Text>
      )}
      {typeof d.color === 'string' && <LightTag color={d.color as LightColor} />}
      {entry.project && <Link to={`/projects/${entry.project.id}`}>{entry.project.code}</Link>}
      {entry.carriedFrom && (
        <Tag color="purple" data-testid="entry-carried">
          {t('meeting.carried', { title: entry.carriedFrom.title, n: entry.carriedFrom.times })}
        </Tag>
      )}
      {entry.disposition && (
        <Tag color="green" data-testid="entry-disposition">
          {L.disposition(entry.disposition)}
          {entry.dispositionDate ? ` ${entry.dispositionDate}` : ''}
        </Tag>
      )}
      {entry.status === 'not_reached' && <Tag>{t('meeting.notRecorded')}</Tag>}
    </Space>
  );
}

/** What the generator put beside the entry: the light's reasons, a unit's counts and red/yellow projects. */
export function EntryDetail({ entry }: { entry: MeetingEntry }) {
  const t = useT();
  const d = entry.detail as Record<string, unknown>;
  if (entry.section === 'lights' && Array.isArray(d.reasons))
    return (
      <Typography.Text type="secondary">
        {(d.reasons as { text: string }[]).map((r) => r.text).join('；')}
      </Typography.Text>
    );
  if (entry.section === 'unit_report')
    return (
      <Space vertical size={2}>
        <Typography.Text type="secondary">
          {t('meeting.unitReport', {
            projects: Number(d.projects ?? 0),
            red: Number(d.red ?? 0),
            yellow: Number(d.yellow ?? 0),
            open: Number(d.openItems ?? 0),
            overdue: Number(d.overdueItems ?? 0),
          })}
        </Typography.Text>
        <Space wrap size={4}>
          {((d.warned ?? []) as { id: number; name: string; color: LightColor | null }[]).map((w) => (
            <Link key={w.id} to={`/projects/${w.id}`}>
              {w.color && <LightTag color={w.color} />} {w.name}
            </Link>
          ))}
        </Space>
      </Space>
    );
  if (
    entry.section === 'review' &&
    typeof d.decision === 'string' &&
    entry.item &&
    d.decision !== entry.title
  )
    return <Typography.Text type="secondary">{entry.item.title}</Typography.Text>;
  if (typeof d.note === 'string') return <Typography.Text type="secondary">{d.note}</Typography.Text>;
  return null;
}

function Outcomes({ entry }: { entry: MeetingEntry }) {
  const L = useLabels();
  if (!entry.outcomes.length) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid="entry-outcomes">
      {entry.outcomes.map((o) => (
        <li key={o.id}>
          {o.note}
          {o.item && (
            <>
              {' '}
              <Link to={`/items/${o.item.id}`}>
                <Tag>{o.item.code}</Tag>
              </Link>
              <Tag color="blue">{L.itemStatus(o.item.status as ItemStatus)}</Tag>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

type OutcomeValues = {
  kind: 'note' | 'item' | 'decision';
  note?: string;
  itemId?: number | null;
  step?: 'none' | 'remind' | 'escalate';
  title?: string;
  responsibleUnitId?: number | null;
  coUnitIds?: number[];
  responsibleLeaderPositionId?: number | null;
  resolutionDue?: string | null;
};

/** Quick outcome entry: a note, a step on an existing item, or a new decision item. */
export function OutcomeForm({ entry, onDone }: { entry: MeetingEntry; onDone?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<OutcomeValues>();
  const add = useAddOutcome();
  const onError = useApiError();
  const kind = Form.useWatch('kind', form) ?? 'note';
  const submit = async () => {
    const v = await form.validateFields();
    const body: OutcomeBody =
      v.kind === 'note'
        ? { kind: 'note', version: entry.version, note: v.note ?? '' }
        : v.kind === 'item'
          ? {
              kind: 'item',
              version: entry.version,
              note: v.note ?? '',
              itemId: v.itemId ?? 0,
              step: v.step ?? 'none',
            }
          : {
              kind: 'decision',
              version: entry.version,
              title: v.title ?? '',
              note: v.note ?? '',
              responsibleUnitId: v.responsibleUnitId ?? 0,
              coUnitIds: v.coUnitIds ?? [],
              responsibleLeaderPositionId: v.responsibleLeaderPositionId ?? null,
              resolutionDue: v.resolutionDue ?? '',
            };
    add.mutate(
      { entryId: entry.id, ...body },
      {
        onSuccess: () => {
          message.success(t('meeting.recorded'));
          form.resetFields();
          onDone?.();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  const required = [{ required: true, message: t('form.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ kind: entry.item ? 'item' : 'note', itemId: entry.item?.id, step: 'none' }}
      data-testid="outcome-form"
    >
      <Form.Item name="kind" label={t('meeting.outcomeKind')}>
        <Radio.Group
          optionType="button"
          options={(['note', 'item', 'decision'] as const).map((k) => ({
            value: k,
            label: t(`meeting.outcome.${k}`),
          }))}
          data-testid="outcome-kind"
        />
      </Form.Item>
      {kind === 'item' && (
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="itemId" label={t('meeting.item')} rules={required} style={{ flex: 3 }}>
            <ItemSelect />
          </Form.Item>
          <Form.Item name="step" label={t('meeting.step')} style={{ flex: 1 }}>
            <Select
              options={(['none', 'remind', 'escalate'] as const).map((s) => ({
                value: s,
                label: t(`meeting.step.${s}`),
              }))}
            />
          </Form.Item>
        </Space.Compact>
      )}
      {kind === 'decision' && (
        <Form.Item name="title" label={t('meeting.decisionTitle')} rules={required}>
          <Input maxLength={60} data-testid="outcome-title" />
        </Form.Item>
      )}
      <Form.Item
        name="note"
        label={kind === 'decision' ? t('meeting.decisionNote') : t('meeting.note')}
        rules={required}
      >
        <Input.TextArea rows={2} maxLength={2000} data-testid="outcome-note" />
      </Form.Item>
      {kind === 'decision' && (
        <>
          <Form.Item name="responsibleUnitId" label={t('meeting.responsibleUnit')} rules={required}>
            <UnitSelect />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('meeting.coUnits')}>
            <UnitMultiSelect />
          </Form.Item>
          <Form.Item name="responsibleLeaderPositionId" label={t('meeting.leader')}>
            <PositionSelect />
          </Form.Item>
          <Form.Item name="resolutionDue" label={t('meeting.deadline')} rules={required}>
            <DateInput />
          </Form.Item>
        </>
      )}
      <Button type="primary" onClick={submit} loading={add.isPending} data-testid="outcome-save">
        {t('meeting.record')}
      </Button>
    </Form>
  );
}

type DispositionValues = { disposition: Disposition; newDeadline?: string | null; reason?: string };

/** The disposition of a reviewed decision: done, extended (a new date), escalated or dropped, with a reason. */
export function DispositionForm({ entry, onDone }: { entry: MeetingEntry; onDone?: () => void }) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm<DispositionValues>();
  const set = useSetDisposition();
  const onError = useApiError();
  const d = Form.useWatch('disposition', form);
  const submit = async () => {
    const v = await form.validateFields();
    set.mutate(
      {
        entryId: entry.id,
        version: entry.version,
        disposition: v.disposition,
        newDeadline: v.newDeadline ?? null,
        reason: v.reason?.trim() || null,
      },
      { onSuccess: () => onDone?.(), onError: (e) => onError(e, form) },
    );
  };
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ disposition: 'done' }}
      data-testid="disposition-form"
    >
      <Form.Item name="disposition" label={t('meeting.disposition')}>
        <Radio.Group
          optionType="button"
          options={dispositions.map((v) => ({ value: v, label: L.disposition(v) }))}
          data-testid="disposition-kind"
        />
      </Form.Item>
      {d === 'extended' && (
        <Form.Item
          name="newDeadline"
          label={t('meeting.newDeadline')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DateInput />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('meeting.reason')}
        rules={d && d !== 'done' ? [{ required: true, message: t('form.required') }] : []}
      >
        <Input.TextArea rows={2} maxLength={500} data-testid="disposition-reason" />
      </Form.Item>
      <Button type="primary" onClick={submit} loading={set.isPending} data-testid="disposition-save">
        {t('meeting.dispose')}
      </Button>
    </Form>
  );
}

function EntryRow({ detail, entry }: { detail: MeetingDetail; entry: MeetingEntry }) {
  const t = useT();
  const move = useMoveEntry();
  const remove = useRemoveEntry();
  const onError = useApiError();
  const [open, setOpen] = useState<'outcome' | 'dispose' | null>(null);
  const v = detail.meeting.version;
  const actions = [];
  if (detail.canEditAgenda) {
    actions.push(
      <Button
        key="up"
        size="small"
        icon={<ArrowUpOutlined />}
        title={t('meeting.moveUp')}
        onClick={() =>
          move.mutate({ entryId: entry.id, version: v, direction: 'up' }, { onError: (e) => onError(e) })
        }
      />,
      <Button
        key="down"
        size="small"
        icon={<ArrowDownOutlined />}
        title={t('meeting.moveDown')}
        onClick={() =>
          move.mutate({ entryId: entry.id, version: v, direction: 'down' }, { onError: (e) => onError(e) })
        }
      />,
    );
    if (entry.section !== 'review')
      actions.push(
        <Button
          key="rm"
          size="small"
          danger
          icon={<DeleteOutlined />}
          title={t('meeting.removeEntry')}
          onClick={() => remove.mutate({ entryId: entry.id, version: v }, { onError: (e) => onError(e) })}
        />,
      );
  }
  if (detail.canRecord) {
    if (entry.section === 'review' && !entry.disposition)
      actions.push(
        <Button
          key="dispose"
          size="small"
          type="primary"
          onClick={() => setOpen('dispose')}
          data-testid={`entry-dispose-${entry.id}`}
        >
          {t('meeting.dispose')}
        </Button>,
      );
    actions.push(
      <Button
        key="outcome"
        size="small"
        onClick={() => setOpen('outcome')}
        data-testid={`entry-outcome-${entry.id}`}
      >
        {t('meeting.record')}
      </Button>,
    );
  }
  return (
    <List.Item actions={actions} data-testid={`entry-${entry.id}`}>
      <List.Item.Meta
        title={<span data-testid="entry-title">{entry.title}</span>}
        description={
          <Space vertical size={2} style={{ width: '100%' }}>
            <EntryTags entry={entry} />
            <EntryDetail entry={entry} />
            {entry.dispositionNote && <Typography.Text>{entry.dispositionNote}</Typography.Text>}
            <Outcomes entry={entry} />
          </Space>
        }
      />
      {open && (
        <Modal
          open
          title={entry.title}
          footer={null}
          onCancel={() => setOpen(null)}
          destroyOnHidden
          width={640}
        >
          {open === 'outcome' ? (
            <OutcomeForm entry={entry} onDone={() => setOpen(null)} />
          ) : (
            <DispositionForm entry={entry} onDone={() => setOpen(null)} />
          )}
        </Modal>
      )}
    </List.Item>
  );
}

function AddEntry({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const add = useAddEntry();
  const onError = useApiError();
  return (
    <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
      <Input
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        placeholder={t('meeting.entryTitle')}
        maxLength={200}
        data-testid="entry-new-title"
      />
      <Button
        onClick={() =>
          add.mutate(
            { id: detail.meeting.id, version: detail.meeting.version, title },
            { onSuccess: () => setTitle(''), onError: (e) => onError(e) },
          )
        }
        loading={add.isPending}
        disabled={title.trim().length < 2}
        data-testid="entry-add"
      >
        {t('meeting.addEntry')}
      </Button>
    </Space.Compact>
  );
}

export function Agenda({ detail }: { detail: MeetingDetail }) {
  const t = useT();
  const L = useLabels();
  const sections: MeetingSection[] = [...detail.meeting.sections];
  if (!sections.includes('manual')) sections.push('manual');
  const canAdd = detail.meeting.status !== 'closed' && (detail.canEditAgenda || detail.canRecord);
  return (
    <Space vertical size={16} style={{ width: '100%' }} data-testid="meeting-agenda">
      {sections.map((s, i) => {
        const entries = detail.entries.filter((e) => e.section === s);
        return (
          <Card
            key={s}
            size="small"
            title={`${'一二三四五六'[i]}、${L.meetingSection(s)}`}
            data-testid={`section-${s}`}
          >
            {entries.length ? (
              <List
                size="small"
                dataSource={entries}
                renderItem={(e) => <EntryRow detail={detail} entry={e} />}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meeting.noEntries')} />
            )}
            {s === 'manual' && canAdd && <AddEntry detail={detail} />}
          </Card>
        );
      })}
    </Space>
  );
}
