// 督办设置: response deadlines (default, by kind, by category), the escalation ladder, when to propose
// escalation and when to warn before a deadline; saved with the version read.
import { useEffect } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { itemKinds, itemSettingsUpdate, type ItemSettings } from '@ducha/contract';
import { useItemCategories, useItemSettings, useSaveItemSettings } from '../../api/items.ts';
import { useSharedSettings } from '../../api/projects.ts';
import { useCan, useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { itemOfficeRoles } from './access.ts';

type Days = Record<string, number | null | undefined>;
/** Overrides left empty are not stored. */
const compact = (r: Days | undefined) =>
  Object.fromEntries(Object.entries(r ?? {}).filter(([, v]) => typeof v === 'number')) as Record<
    string,
    number
  >;

const days = { min: 0, max: 60, precision: 0, style: { width: 140 } } as const;

/** Optional working-day overrides, two per row. */
function DaysGrid({
  field,
  entries,
  placeholder,
}: {
  field: 'responseDaysByKind' | 'responseDaysByCategory';
  entries: { value: string; label: string }[];
  placeholder: number;
}) {
  const t = useT();
  return (
    <Row gutter={16}>
      {entries.map((e) => (
        <Col span={12} key={e.value}>
          <Form.Item name={[field, e.value]} label={e.label} style={{ marginBottom: 8 }}>
            <InputNumber {...days} min={1} placeholder={String(placeholder)} suffix={t('itemSet.days')} />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}

function SettingsForm({ settings, editable }: { settings: ItemSettings; editable: boolean }) {
  const t = useT();
  const L = useLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = useSaveItemSettings();
  const onError = useApiError();
  const can = useCan();
  const categories = useItemCategories({
    current: Object.keys(settings.responseDaysByCategory),
    dictionary: can('project.read'),
    lang: L.lang,
  });
  const z = zodForm(itemSettingsUpdate, t('form.required'));
  useEffect(() => form.setFieldsValue(settings), [settings, form]);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const v = form.getFieldsValue(true) as Partial<ItemSettings>;
    const body = z.parse(form, {
      ...v,
      responseDaysByKind: compact(v.responseDaysByKind as Days),
      responseDaysByCategory: compact(v.responseDaysByCategory as Days),
      ladder: (v.ladder ?? []).map((s) => (s ?? '').trim()),
      version: settings.version,
    });
    if (!body) return;
    try {
      await save.mutateAsync(body);
      message.success(t('itemSet.saved'));
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={settings} disabled={!editable}>
      <Row gutter={[24, 0]}>
        <Col xs={24} xl={12}>
          <Form.Item
            name="responseDays"
            label={t('itemSet.responseDays')}
            extra={t('itemSet.responseDaysHelp')}
            {...z.item('responseDays')}
          >
            <InputNumber {...days} min={1} data-testid="itemset-response-days" />
          </Form.Item>
          <Form.Item
            name="escalateAfterDays"
            label={t('itemSet.escalateAfterDays')}
            {...z.item('escalateAfterDays')}
          >
            <InputNumber {...days} min={1} />
          </Form.Item>
          <Form.Item name="dueSoonDays" label={t('itemSet.dueSoonDays')} {...z.item('dueSoonDays')}>
            <InputNumber {...days} max={10} />
          </Form.Item>
          <Typography.Title level={5}>{t('itemSet.ladder')}</Typography.Title>
          <Form.List name="ladder">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <Typography.Text type="secondary" style={{ width: 60, display: 'inline-block' }}>
                      {t('itemSet.levelN', { n: i + 1 })}
                    </Typography.Text>
                    <Form.Item
                      name={f.name}
                      rules={[{ required: true, whitespace: true, message: t('form.required') }]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input maxLength={30} style={{ width: 260 }} />
                    </Form.Item>
                    {fields.length > 2 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('action.remove')}
                      />
                    )}
                  </Space>
                ))}
                {fields.length < 8 && (
                  <Button icon={<PlusOutlined />} onClick={() => add('')} style={{ marginBottom: 16 }}>
                    {t('itemSet.addLevel')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Col>
        <Col xs={24} xl={12}>
          <Alert type="info" showIcon title={t('itemSet.overrideHelp')} style={{ marginBottom: 16 }} />
          <Typography.Title level={5}>{t('itemSet.byKind')}</Typography.Title>
          <DaysGrid
            field="responseDaysByKind"
            entries={itemKinds.map((k) => ({ value: k, label: L.itemKind(k) }))}
            placeholder={settings.responseDays}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('itemSet.byCategory')}
          </Typography.Title>
          <DaysGrid field="responseDaysByCategory" entries={categories} placeholder={settings.responseDays} />
        </Col>
      </Row>
      {editable && (
        <Button type="primary" onClick={submit} loading={save.isPending} data-testid="itemset-save">
          {t('action.save')}
        </Button>
      )}
    </Form>
  );
}

function Settings() {
  const t = useT();
  const settings = useItemSettings();
  // the deadlines and the ladder apply to every region: the admin's and the home office's
  const shared = useSharedSettings();
  const editable = !!shared.data?.editable;
  return (
    <Card title={t('menu.itemSettings')} variant="borderless">
      {shared.data && !editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="itemset-read-only"
          title={t('shared.readOnly', { region: shared.data.regionName ?? '-' })}
        />
      )}
      {settings.error ? (
        <Alert type="error" showIcon title={settings.error.message} />
      ) : !settings.data ? (
        <Skeleton active />
      ) : (
        <SettingsForm settings={settings.data} editable={editable} />
      )}
    </Card>
  );
}

export default function ItemSettingsPage() {
  const me = useMe();
  return itemOfficeRoles.includes(me.role) ? <Settings /> : <ForbiddenPage />;
}
