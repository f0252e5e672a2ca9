// Small parts of the meeting pages: status tags, pickers of units and items, and the two create forms.
import { App, Col, Form, Input, InputNumber, Row, Select, Tag } from 'antd';
import {
  meetingCreate,
  meetingTypeDefaults,
  meetingTypes,
  seriesCreate,
  type Item,
  type MeetingStatus,
  type MeetingType,
  type Unit,
} from '@ducha/contract';
import { useNavigate } from 'react-router';
import { useCreateMeeting, useCreateSeries } from '../../api/meetings.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { RemoteSelect } from '../../components/RemoteSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { endOf, SeriesEndFields, type EndValues } from './SeriesEnd.tsx';
import { weekdayName } from './rhythm.ts';

const statusColor: Record<MeetingStatus, string> = {
  draft: 'default',
  scheduled: 'blue',
  in_progress: 'orange',
  closed: 'green',
};
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const L = useLabels();
  return (
    <Tag color={statusColor[status]} data-testid="meeting-status">
      {L.meetingStatus(status)}
    </Tag>
  );
}

/** One unit, searchable. */
export function UnitSelect(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  placeholder?: string;
}) {
  return (
    <RemoteSelect<Unit>
      resource="units"
      toOption={(u) => ({ value: u.id, label: u.name })}
      style={{ width: '100%' }}
      {...props}
    />
  );
}

/** An open item of the ledger, by code or title. */
export function ItemSelect(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
}) {
  return (
    <RemoteSelect<Item>
      resource="items"
      params={{ open: true }}
      toOption={(i) => ({ value: i.id, label: `${i.code} ${i.title}` })}
      style={{ width: '100%' }}
      {...props}
    />
  );
}

const typeOptions = (L: ReturnType<typeof useLabels>) =>
  meetingTypes.map((v) => ({ value: v, label: L.meetingType(v) }));

interface SeriesValues extends EndValues {
  type?: MeetingType;
  title?: string;
  regionCode?: string;
  chairPositionId?: number | null;
  time?: string;
  place?: string;
  attendeeUnitIds?: number[];
  startsOn?: string;
  freq?: 'weekly' | 'monthly' | 'monthly_weekday';
  weekday?: number;
  day?: number;
  nth?: number;
}

/** 新建会议系列: type, title, region, chair, rhythm (weekly / monthly on a day / the nth weekday) and end. */
export function SeriesForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const nav = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<SeriesValues>();
  const create = useCreateSeries();
  const onError = useApiError();
  const freq = Form.useWatch('freq', form);
  const endKind = Form.useWatch('endKind', form);
  const zf = zodForm(seriesCreate, t('form.required'));
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekdayName(d, t) }));
  const submit = async () => {
    const v = await form.validateFields();
    const recurrence =
      v.freq === 'weekly'
        ? { freq: 'weekly' as const, weekday: v.weekday ?? 1 }
        : v.freq === 'monthly_weekday'
          ? { freq: 'monthly_weekday' as const, nth: (v.nth ?? 1) as 1, weekday: v.weekday ?? 1 }
          : { freq: 'monthly' as const, day: v.day ?? 15 };
    const body = zf.parse(form, {
      type: v.type,
      title: v.title,
      regionCode: v.regionCode,
      chairPositionId: v.chairPositionId,
      time: v.time,
      place: v.place,
      attendeeUnitIds: v.attendeeUnitIds ?? [],
      startsOn: v.startsOn,
      recurrence,
      end: endOf(v, 12),
    });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (d) => {
        message.success(t('meeting.created'));
        onClose();
        nav(`/meetings/series/${d.series.id}`);
      },
      onError: (e) => onError(e, form),
    });
  };
  return (
    <FormDrawer
      title={t('meeting.createSeries')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="series-save"
      size={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          type: 'monthly',
          regionCode: me.regionCode ?? undefined,
          time: '09:00',
          freq: 'monthly',
          day: 15,
          weekday: 1,
          nth: 1,
          endKind: 'never',
        }}
        onValuesChange={(c: SeriesValues) => {
          if (c.type && !form.getFieldValue('title'))
            form.setFieldValue('title', meetingTypeDefaults[c.type].label);
        }}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="type" label={t('meeting.type')} required>
              <Select options={typeOptions(L)} data-testid="series-type" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="regionCode" label={t('meeting.region')} {...zf.item('regionCode')}>
              <RegionSelect allowClear={false} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('meeting.title')} {...zf.item('title')}>
          <Input maxLength={60} data-testid="series-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsOn" label={t('meeting.startsOn')} {...zf.item('startsOn')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="time" label={t('meeting.time')}>
              <Input placeholder="09:00" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="freq" label={t('meeting.recurrence')}>
              <Select
                options={(['weekly', 'monthly', 'monthly_weekday'] as const).map((f) => ({
                  value: f,
                  label: t(`meeting.freq.${f}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {freq === 'monthly' && (
              <Form.Item name="day" label={t('meeting.day')}>
                <InputNumber min={1} max={31} style={{ width: '100%' }} />
              </Form.Item>
            )}
            {freq !== 'monthly' && (
              <Space2>
                {freq === 'monthly_weekday' && (
                  <Form.Item name="nth" label={t('meeting.nth')} style={{ flex: 1 }}>
                    <Select
                      options={[1, 2, 3, 4, -1].map((n) => ({
                        value: n,
                        label: n === -1 ? t('meeting.nthLast') : String(n),
                      }))}
                    />
                  </Form.Item>
                )}
                <Form.Item name="weekday" label={t('meeting.weekday')} style={{ flex: 1 }}>
                  <Select options={weekdays} />
                </Form.Item>
              </Space2>
            )}
          </Col>
        </Row>
        <SeriesEndFields endKind={endKind} />
        <Form.Item name="chairPositionId" label={t('meeting.chair')}>
          <PositionSelect />
        </Form.Item>
        <Form.Item name="place" label={t('meeting.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="attendeeUnitIds" label={t('meeting.attendees')}>
          <UnitMultiSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function Space2({ children }: { children: React.ReactNode }) {
  return <div style={{ display: 'flex', gap: 12 }}>{children}</div>;
}

interface MeetingValues {
  type?: MeetingType;
  title?: string;
  regionCode?: string;
  heldOn?: string;
  time?: string;
  place?: string;
  chairPositionId?: number | null;
  attendeeUnitIds?: number[];
}

/** 新建会议: one meeting (a 专题协调会, a 现场办公会), a draft until scheduled. */
export function MeetingForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const nav = useNavigate();
  const [form] = Form.useForm<MeetingValues>();
  const create = useCreateMeeting();
  const onError = useApiError();
  const zf = zodForm(meetingCreate, t('form.required'));
  const submit = async () => {
    const v = await form.validateFields();
    const body = zf.parse(form, { ...v, attendeeUnitIds: v.attendeeUnitIds ?? [] });
    if (!body) return;
    create.mutate(body, {
      onSuccess: (d) => {
        onClose();
        nav(`/meetings/${d.meeting.id}`);
      },
      onError: (e) => onError(e, form),
    });
  };
  return (
    <FormDrawer
      title={t('meeting.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="meeting-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ type: 'coordination', regionCode: me.regionCode ?? undefined, time: '09:00' }}
        onValuesChange={(c: MeetingValues) => {
          if (c.type && !form.getFieldValue('title'))
            form.setFieldValue('title', meetingTypeDefaults[c.type].label);
        }}
      >
        <Form.Item name="type" label={t('meeting.type')} required>
          <Select options={typeOptions(L)} />
        </Form.Item>
        <Form.Item name="title" label={t('meeting.title')} {...zf.item('title')}>
          <Input maxLength={60} data-testid="meeting-title" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('meeting.region')} {...zf.item('regionCode')}>
          <RegionSelect allowClear={false} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="heldOn" label={t('meeting.heldOn')} {...zf.item('heldOn')}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="time" label={t('meeting.time')}>
              <Input placeholder="09:00" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="chairPositionId" label={t('meeting.chair')}>
          <PositionSelect />
        </Form.Item>
        <Form.Item name="place" label={t('meeting.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="attendeeUnitIds" label={t('meeting.attendees')}>
          <UnitMultiSelect />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
