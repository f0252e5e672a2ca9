// The draft's editor: the plan, the project strata (a theme, its candidates, how many), the expert
// strata (a specialty, how many), the named public sources with their dates, the site date.
import { Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { InspectionPlan, InspectionPlanDetail } from '@ducha/contract';
import { useList, useOne } from '../../../api/resource.ts';
import { useT } from '../../../app/i18n.tsx';
import { DictSelect } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { themePool, type DrawBody } from './api.ts';

export function DrawForm({
  open,
  initial,
  withPlan,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  initial?: Partial<DrawBody>;
  withPlan: boolean;
  onCancel: () => void;
  onSubmit: (b: DrawBody) => Promise<unknown>;
}) {
  const t = useT();
  const [form] = Form.useForm<DrawBody>();
  const onError = useApiError();
  // the plans to draw for (approved ones first), and the chosen plan's themes
  const plans =
    useList<InspectionPlan>('inspection-plans', { pageSize: 100 }, open && withPlan).data?.items ?? [];
  const planId =
    (Form.useWatch('planId', form) as number | undefined) ?? (initial?.planId as number | undefined);
  const themes = useOne<InspectionPlanDetail>('inspection-plans', open ? planId : null).data?.themes ?? [];
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await onSubmit({ ...v, siteOn: v.siteOn || null });
    } catch (e) {
      onError(e, form);
    }
  };
  const load = async (n: number) => {
    const themeId = form.getFieldValue(['projects', n, 'themeId']) as number | undefined;
    if (!themeId) return;
    const pool = await themePool(themeId).catch((e: unknown) => (onError(e), null));
    if (pool)
      form.setFieldValue(
        ['projects', n, 'projectIds'],
        pool.items.map((p) => p.id),
      );
  };
  return (
    <Modal open={open} width={900} title={t('draw.new')} onCancel={onCancel} onOk={submit} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ projects: [{}], experts: [], sources: [{}], ...initial }}
      >
        {withPlan && (
          <Form.Item name="planId" label={t('draw.plan')} rules={[{ required: true }]}>
            <Select
              data-testid="draw-plan"
              options={[...plans]
                .sort(
                  (a, b) =>
                    Number(b.status === 'approved') - Number(a.status === 'approved') || b.year - a.year,
                )
                .map((p) => ({ value: p.id, label: `${p.regionName} ${p.year} ${p.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('draw.title')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="siteOn" label={t('draw.siteOn')}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item label={t('draw.projects')}>
          <Form.List name="projects">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'themeId']}
                      label={t('draw.theme')}
                      rules={[{ required: true }]}
                    >
                      <Select
                        style={{ minWidth: 220 }}
                        options={themes.map((th) => ({
                          value: th.id,
                          label: `${th.name}（${th.poolCount}）`,
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'count']} label={t('draw.count')} rules={[{ required: true }]}>
                      <InputNumber min={1} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'projectIds']}
                      label={t('draw.projectIds')}
                      rules={[{ required: true }]}
                    >
                      <Select mode="tags" style={{ minWidth: 260 }} tokenSeparators={[',', ' ']} />
                    </Form.Item>
                    <Button onClick={() => load(f.name)}>{t('draw.loadPool')}</Button>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('draw.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('draw.experts')}>
          <Form.List name="experts">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item
                      name={[f.name, 'specialty']}
                      label={t('draw.specialty')}
                      rules={[{ required: true }]}
                    >
                      <DictSelect kind="expert_specialty" style={{ minWidth: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'count']} label={t('draw.count')} rules={[{ required: true }]}>
                      <InputNumber min={1} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('draw.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t('draw.sources')}>
          <Form.List name="sources">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t('draw.sourceName')}
                      rules={[{ required: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={t('draw.sourceDesc')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'on']} label={t('draw.sourceOn')} rules={[{ required: true }]}>
                      <Input placeholder="YYYY-MM-DD" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ordered']} valuePropName="checked">
                      <Checkbox>{t('draw.ordered')}</Checkbox>
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  {t('draw.add')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
