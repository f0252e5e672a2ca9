// 报送日历 (deadline day, aggregation day, roll to a working day) and 工作日调整 (the year's working-day corrections).
import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Skeleton,
  Switch,
  Table,
  Tag,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { calendarCorrection, reportingCalendarUpdate } from '@ducha/contract';
import {
  useCalendarCorrections,
  useDeleteCorrection,
  usePutCorrection,
  useReportingCalendar,
  useSaveCalendar,
  type CalendarCorrection,
} from '../../api/reports.ts';
import { useSharedSettings } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';

export function CalendarCard({ regionCode, year }: { regionCode: string | undefined; year: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const cal = useReportingCalendar(regionCode, year);
  const save = useSaveCalendar();
  const onError = useApiError();
  const z = zodForm(reportingCalendarUpdate, t('form.required'));
  useEffect(() => {
    if (cal.data) form.setFieldsValue(cal.data);
  }, [cal.data, form]);
  const submit = async () => {
    if (!regionCode || !cal.data) return;
    const body = z.parse(form, { ...form.getFieldsValue(), version: cal.data.version });
    if (!body) return;
    try {
      await save.mutateAsync({ regionCode, year, ...body });
      message.success(t('cal.saved'));
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <Card title={t('cal.title', { year })} variant="borderless">
      {cal.error ? (
        <Alert type="error" showIcon title={cal.error.message} />
      ) : !cal.data ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" initialValues={cal.data}>
          <Form.Item
            name="deadlineDay"
            label={t('cal.deadlineDay')}
            extra={t('cal.deadlineHelp')}
            {...z.item('deadlineDay')}
          >
            <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} data-testid="cal-deadline" />
          </Form.Item>
          <Form.Item
            name="aggregationDay"
            label={t('cal.aggregationDay')}
            extra={t('cal.aggregationHelp')}
            {...z.item('aggregationDay')}
          >
            <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="rollToWorkingDay"
            label={t('cal.roll')}
            valuePropName="checked"
            extra={t('cal.rollHelp')}
          >
            <Switch />
          </Form.Item>
          <Button type="primary" onClick={submit} loading={save.isPending} data-testid="cal-save">
            {t('action.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export function CorrectionsCard({ year }: { year: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const list = useCalendarCorrections(year);
  // 调休 is national and moves every region's deadlines: the admin's and the home office's
  const shared = useSharedSettings();
  const editable = !!shared.data?.editable;
  const put = usePutCorrection();
  const del = useDeleteCorrection();
  const onError = useApiError();
  const z = zodForm(calendarCorrection, t('form.required'));
  const add = async () => {
    const body = z.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      await put.mutateAsync({ date: body.date, work: body.work, note: body.note ?? null });
      message.success(t('corr.saved'));
      form.resetFields();
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <Card title={t('corr.title', { year })} variant="borderless">
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('corr.help')} />
      {shared.data && !editable && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="corr-read-only"
          title={t('shared.readOnly', { region: shared.data.regionName ?? '-' })}
        />
      )}
      {editable && (
        <Form
          form={form}
          layout="inline"
          initialValues={{ work: true }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="date" {...z.item('date')}>
            <DateInput placeholder={t('corr.date')} style={{ width: 150 }} />
          </Form.Item>
          <Form.Item name="work">
            <Radio.Group
              optionType="button"
              options={[
                { value: true, label: t('corr.workday') },
                { value: false, label: t('corr.holiday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" {...z.item('note')}>
            <Input placeholder={t('corr.note')} maxLength={100} style={{ width: 200 }} />
          </Form.Item>
          <Button icon={<PlusOutlined />} onClick={add} loading={put.isPending} data-testid="corr-add">
            {t('corr.add')}
          </Button>
        </Form>
      )}
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <Table<CalendarCorrection>
        rowKey="date"
        size="small"
        loading={list.isFetching}
        dataSource={list.data}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('corr.empty') }}
        columns={[
          { title: t('corr.date'), dataIndex: 'date' },
          {
            title: t('field.type'),
            dataIndex: 'work',
            render: (w: boolean) => (
              <Tag color={w ? 'blue' : 'orange'}>{t(w ? 'corr.workday' : 'corr.holiday')}</Tag>
            ),
          },
          { title: t('corr.note'), dataIndex: 'note', render: (n: string | null) => n ?? '-' },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, c: CalendarCorrection) => (
                    <Popconfirm
                      title={t('corr.removeConfirm', { date: c.date })}
                      onConfirm={() => del.mutateAsync(c.date).catch((e: unknown) => onError(e))}
                    >
                      <Button type="link" danger size="small">
                        {t('action.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
