// 编辑会议系列: the title, usual time, place, chair, attendees and end of a series. The rhythm is not
// edited (end the series and start a new one); the meetings still being planned follow the change.
import { Alert, App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { seriesUpdate, type MeetingSeries } from '@ducha/contract';
import { useUpdateSeries } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';

interface Values {
  title?: string;
  time?: string;
  place?: string;
  chairPositionId?: number | null;
  attendeeUnitIds?: number[];
  endKind?: 'never' | 'until' | 'count';
  endDate?: string;
  endCount?: number;
}

export function SeriesEditForm({ series: s, onClose }: { series: MeetingSeries; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useUpdateSeries();
  const onError = useApiError();
  const endKind = Form.useWatch('endKind', form);
  const zf = zodForm(seriesUpdate, t('form.required'));
  const submit = async () => {
    const v = await form.validateFields();
    const end =
      v.endKind === 'until'
        ? { kind: 'until' as const, date: v.endDate ?? '' }
        : v.endKind === 'count'
          ? { kind: 'count' as const, count: v.endCount ?? 1 }
          : { kind: 'never' as const };
    const body = zf.parse(form, {
      version: s.version,
      title: v.title,
      time: v.time,
      place: v.place ?? '',
      chairPositionId: v.chairPositionId ?? null,
      attendeeUnitIds: v.attendeeUnitIds ?? [],
      end,
    });
    if (!body) return;
    save.mutate(
      { id: s.id, ...body },
      {
        onSuccess: () => {
          message.success(t('meeting.seriesSaved'));
          onClose();
        },
        onError: (e) => onError(e, form),
      },
    );
  };
  return (
    <FormDrawer
      title={t('meeting.editSeriesTitle')}
      onClose={onClose}
      onSave={submit}
      saving={save.isPending}
      testId="series-edit-save"
      size={600}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('meeting.editSeriesHelp')} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          title: s.title,
          time: s.time,
          place: s.place,
          chairPositionId: s.chair?.positionId ?? null,
          attendeeUnitIds: s.attendeeUnits.map((u) => u.id),
          endKind: s.end.kind,
          endDate: s.end.kind === 'until' ? s.end.date : undefined,
          endCount: s.end.kind === 'count' ? s.end.count : undefined,
        }}
      >
        <Form.Item name="title" label={t('meeting.title')} {...zf.item('title')}>
          <Input maxLength={60} data-testid="series-edit-title" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="time" label={t('meeting.time')} {...zf.item('time')}>
              <Input placeholder="09:00" data-testid="series-edit-time" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('meeting.place')} {...zf.item('place')}>
              <Input maxLength={100} data-testid="series-edit-place" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="endKind" label={t('meeting.end')}>
              <Select
                data-testid="series-edit-end"
                options={(['never', 'until', 'count'] as const).map((k) => ({
                  value: k,
                  label: t(`meeting.end.${k}`),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            {endKind === 'until' && (
              <Form.Item
                name="endDate"
                label={t('meeting.end.until')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <DateInput />
              </Form.Item>
            )}
            {endKind === 'count' && (
              <Form.Item
                name="endCount"
                label={t('meeting.end.count')}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <InputNumber
                  min={1}
                  max={200}
                  style={{ width: '100%' }}
                  data-testid="series-edit-end-count"
                />
              </Form.Item>
            )}
          </Col>
        </Row>
        <Form.Item name="chairPositionId" label={t('meeting.chair')}>
          <PositionSelect
            initialOptions={
              s.chair
                ? [
                    {
                      value: s.chair.positionId,
                      label: s.chair.holder ? `${s.chair.title}（${s.chair.holder}）` : s.chair.title,
                    },
                  ]
                : []
            }
          />
        </Form.Item>
        <Form.Item name="attendeeUnitIds" label={t('meeting.attendees')}>
          <UnitMultiSelect initialOptions={s.attendeeUnits.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
