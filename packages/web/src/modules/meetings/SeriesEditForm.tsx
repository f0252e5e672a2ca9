// 编辑会议系列: the title, usual time, place, chair, attendees and end of a series. The rhythm is not
// edited (end the series and start a new one); the meetings still being planned follow the change.
import { Alert, App, Col, Form, Input, Row } from 'antd';
import { seriesUpdate, type MeetingSeries } from '@ducha/contract';
import { useUpdateSeries } from '../../api/meetings.ts';
import { useT } from '../../app/i18n.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { endOf, endValues, SeriesEndFields, type EndValues } from './SeriesEnd.tsx';

interface Values extends EndValues {
  title?: string;
  time?: string;
  place?: string;
  chairPositionId?: number | null;
  attendeeUnitIds?: number[];
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
    const body = zf.parse(form, {
      version: s.version,
      title: v.title,
      time: v.time,
      place: v.place ?? '',
      chairPositionId: v.chairPositionId ?? null,
      attendeeUnitIds: v.attendeeUnitIds ?? [],
      end: endOf(v, 1),
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
          ...endValues(s.end),
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
        <SeriesEndFields endKind={endKind} testId="series-edit-end" />
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
