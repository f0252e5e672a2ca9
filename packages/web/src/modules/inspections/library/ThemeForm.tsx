// Drawer form of a theme: name, description, the four quarterly counts and the eligible-project rule editor.
import { Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import {
  inspectionThemeCreate,
  investmentNatureLabels,
  investmentNatures,
  listLevelLabels,
  listLevels,
  stageLabels,
  stages,
  type InspectionTheme,
  type ThemeRule,
} from '@ducha/contract';
import { useDictionary } from '../../../api/projects.ts';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { useSaveTheme } from './api.ts';

const opts = (xs: readonly string[], label: (x: string) => string = (x) => x) =>
  xs.map((x) => ({ value: x, label: label(x) }));

function useOptions(kind: 'sector' | 'tag' | 'funding_source') {
  return (useDictionary(kind).data ?? [])
    .filter((d) => d.active)
    .map((d) => ({ value: d.code, label: d.label }));
}

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
  const [form] = Form.useForm();
  const save = useSaveTheme();
  const onError = useApiError();
  const zf = zodForm(inspectionThemeCreate, t('form.required'));
  const sectors = useOptions('sector');
  const tags = useOptions('tag');
  const funding = useOptions('funding_source');

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
          <Select
            mode="multiple"
            allowClear
            options={opts(
              investmentNatures,
              (x) => investmentNatureLabels[x as keyof typeof investmentNatureLabels],
            )}
          />
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
          <Select
            mode="multiple"
            allowClear
            options={opts(stages, (x) => stageLabels[x as keyof typeof stageLabels])}
          />
        </Form.Item>
        <Form.Item name={['rule', 'listLevels']} label={t('ilib.rule.listLevels')}>
          <Select
            mode="multiple"
            allowClear
            options={opts(listLevels, (x) => listLevelLabels[x as keyof typeof listLevelLabels])}
          />
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

/** The rule in words, for the themes table. */
export function ruleText(r: ThemeRule, t: ReturnType<typeof useT>): string {
  const parts: string[] = [];
  if (r.investmentNatures) parts.push(r.investmentNatures.map((n) => investmentNatureLabels[n]).join('/'));
  if (r.minTotalInvestment) parts.push(`≥${r.minTotalInvestment}万元`);
  if (r.startedInYear) parts.push(t('ilib.rule.startedInYear'));
  if (r.stages) parts.push(r.stages.map((s) => stageLabels[s]).join('/'));
  if (r.listLevels) parts.push(r.listLevels.map((l) => listLevelLabels[l]).join('/'));
  if (r.leaderLinked) parts.push(t('ilib.rule.leaderLinked'));
  for (const k of ['sectors', 'tags', 'fundingSources'] as const) if (r[k]) parts.push(r[k].join('/'));
  return parts.length ? parts.join('；') : t('ilib.rule.any');
}
