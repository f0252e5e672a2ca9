// Drawer form of a theme: name, description, the four quarterly counts and the eligible-project rule editor.
import { Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { inspectionThemeCreate, type InspectionTheme, type ThemeRule } from '@ducha/contract';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useDictOptions } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { useSaveTheme } from './api.ts';
import { themeRuleOptions } from './themeRule.ts';

/** Drops the rule's empty conditions (an empty list or a false switch is no condition). */
function cleanRule(r: Record<string, unknown>): ThemeRule {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v) && !v.length) continue;
    out[k] = k === 'minTotalInvestment' ? String(v) : v;
  }
  return out as ThemeRule;
}

export function ThemeForm({
  planId,
  editing,
  onClose,
}: {
  planId: number;
  editing: InspectionTheme | null;
  onClose: () => void;
}) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const save = useSaveTheme();
  const onError = useApiError();
  const zf = zodForm(inspectionThemeCreate, t('form.required'));
  const rule = editing?.rule;
  const sectors = useDictOptions('sector', rule?.sectors);
  const tags = useDictOptions('tag', rule?.tags);
  const funding = useDictOptions('funding_source', rule?.fundingSources);
  const enums = themeRuleOptions(L);

  const submit = async () => {
    const v = form.getFieldsValue();
    const body = zf.parse(form, {
      name: v.name,
      description: v.description ?? '',
      quarterCounts: [0, 1, 2, 3].map((i) => Number(v[`q${i}`] ?? 0)),
      rule: cleanRule(v.rule ?? {}),
    });
    if (!body) return;
    try {
      await save.mutateAsync({
        planId,
        ...body,
        ...(editing ? { id: editing.id, version: editing.version } : {}),
      });
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };
  const q = editing?.quarterCounts ?? [0, 0, 0, 0];
  const initial = {
    name: editing?.name,
    description: editing?.description,
    q0: q[0],
    q1: q[1],
    q2: q[2],
    q3: q[3],
    rule: editing?.rule ?? {},
  };
  return (
    <FormDrawer
      title={editing ? t('ilib.editTheme') : t('ilib.addTheme')}
      size={600}
      onClose={onClose}
      onSave={submit}
      saving={save.isPending}
      testId="theme-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="name" label={t('ilib.themeName')} {...zf.item('name')}>
          <Input maxLength={60} data-testid="theme-name" />
        </Form.Item>
        <Form.Item name="description" label={t('ilib.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('ilib.quarters')}>
          <Space>
            {[0, 1, 2, 3].map((i) => (
              <Form.Item key={i} name={`q${i}`} noStyle>
                <InputNumber min={0} max={999} placeholder={t('ilib.quarter', { n: i + 1 })} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <h4>{t('ilib.rule')}</h4>
        <Form.Item name={['rule', 'investmentNatures']} label={t('ilib.rule.natures')}>
          <Select mode="multiple" allowClear options={enums.investmentNatures} />
        </Form.Item>
        <Form.Item name={['rule', 'minTotalInvestment']} label={t('ilib.rule.minInvestment')}>
          <InputNumber min={0} style={{ width: 200 }} data-testid="theme-min-investment" />
        </Form.Item>
        <Form.Item
          name={['rule', 'startedInYear']}
          label={t('ilib.rule.startedInYear')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name={['rule', 'stages']} label={t('ilib.rule.stages')}>
          <Select mode="multiple" allowClear options={enums.stages} />
        </Form.Item>
        <Form.Item name={['rule', 'listLevels']} label={t('ilib.rule.listLevels')}>
          <Select mode="multiple" allowClear options={enums.listLevels} />
        </Form.Item>
        <Form.Item
          name={['rule', 'leaderLinked']}
          label={t('ilib.rule.leaderLinked')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name={['rule', 'sectors']} label={t('ilib.rule.sectors')}>
          <Select mode="multiple" allowClear options={sectors} />
        </Form.Item>
        <Form.Item name={['rule', 'tags']} label={t('ilib.rule.tags')}>
          <Select mode="multiple" allowClear options={tags} />
        </Form.Item>
        <Form.Item name={['rule', 'fundingSources']} label={t('ilib.rule.fundingSources')}>
          <Select mode="multiple" allowClear options={funding} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
