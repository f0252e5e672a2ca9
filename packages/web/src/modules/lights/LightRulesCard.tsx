// 亮灯规则: the rules in force for a region and year (threshold as %, toggles, months); saving makes a new version.
import { useEffect } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Switch, Table, Tag } from 'antd';
import { defaultLightRules, lightRulesUpdate, type LightRules } from '@ducha/contract';
import { useLightRules, useSaveLightRules, type LightRulesVersion } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useApiError } from '../../components/useApiError.ts';

type Values = Omit<LightRules, 'lagThreshold'> & { lagPercent?: number | null; reason?: string };

const toValues = (r: LightRules): Values => ({
  ...r,
  lagPercent: Math.round(r.lagThreshold * 1000) / 10,
  // absent in versions saved before the rule existed: never (shown empty)
  noBaselineYellowFromMonth: r.noBaselineYellowFromMonth ?? null,
});
const toggles = ['yellowOnStartOverdue', 'yellowOnMilestoneOverdue', 'yellowOnReportMissing'] as const;

export function LightRulesCard({ regionCode, year }: { regionCode: string | undefined; year: number }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const versions = useLightRules(regionCode, year);
  const save = useSaveLightRules();
  const onError = useApiError();
  const inForce = versions.data?.[0];
  /** version 0 is the server's built-in default, never saved */
  const saved = !!inForce && inForce.version > 0;
  useEffect(() => {
    form.setFieldsValue({ ...toValues(inForce?.rules ?? defaultLightRules), reason: '' });
  }, [inForce, form]);

  const submit = async () => {
    if (!regionCode) return;
    const v = form.getFieldsValue(true) as Values;
    const { lagPercent, reason, ...rest } = v;
    const body = {
      rules: {
        ...rest,
        lagThreshold: lagPercent === null || lagPercent === undefined ? NaN : lagPercent / 100,
      },
      reason: reason ?? '',
    };
    const parsed = lightRulesUpdate.safeParse(body);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.map((i) => {
          const key = String(i.path[i.path.length - 1]);
          return { name: key === 'lagThreshold' ? 'lagPercent' : key, errors: [i.message] };
        }) as never,
      );
      return;
    }
    try {
      await save.mutateAsync({ regionCode, year, ...parsed.data });
      message.success(t('rules.saved'));
    } catch (e) {
      onError(e, form);
    }
  };

  const summary = (r: LightRules) =>
    t('rules.summary', {
      lag: Math.round(r.lagThreshold * 1000) / 10,
      red: r.redAfterYellowMonths,
      referral: r.referralAfterRedMonths,
      noBaseline:
        r.noBaselineYellowFromMonth === null || r.noBaselineYellowFromMonth === undefined
          ? t('rules.noBaselineNever')
          : t('rules.noBaselineFrom', { n: r.noBaselineYellowFromMonth }),
    });
  return (
    <Card
      title={t('rules.title', { year })}
      variant="borderless"
      extra={
        saved ? (
          <Tag color="blue">{t('rules.inForce', { n: inForce?.version ?? 0 })}</Tag>
        ) : (
          <Tag>{t('rules.default')}</Tag>
        )
      }
    >
      {versions.error && (
        <Alert type="error" showIcon title={versions.error.message} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" initialValues={toValues(defaultLightRules)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="lagPercent" label={t('rules.lagThreshold')} extra={t('rules.lagHelp')} required>
              <InputNumber
                min={0}
                max={200}
                precision={1}
                suffix="%"
                style={{ width: 140 }}
                data-testid="rules-lag"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="redAfterYellowMonths" label={t('rules.redAfterYellowMonths')} required>
              <InputNumber min={1} max={12} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="referralAfterRedMonths" label={t('rules.referralAfterRedMonths')} required>
              <InputNumber min={1} max={12} precision={0} style={{ width: 120 }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="noBaselineYellowFromMonth"
              label={t('rules.noBaselineYellowFromMonth')}
              extra={t('rules.noBaselineHelp')}
            >
              <InputNumber
                min={1}
                max={12}
                precision={0}
                suffix={t('rules.monthSuffix')}
                style={{ width: 140 }}
                data-testid="rules-no-baseline"
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          {toggles.map((k) => (
            <Col xs={24} md={8} key={k}>
              <Form.Item name={k} label={t(`rules.${k}`)} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="reason" label={t('rules.reason')} required extra={t('rules.reasonHelp')}>
          <Input.TextArea rows={2} maxLength={300} showCount data-testid="rules-reason" />
        </Form.Item>
        <Button
          type="primary"
          onClick={submit}
          loading={save.isPending}
          disabled={!regionCode}
          data-testid="rules-save"
        >
          {t('rules.save')}
        </Button>
      </Form>
      <Table<LightRulesVersion>
        style={{ marginTop: 16 }}
        rowKey="version"
        size="small"
        loading={versions.isFetching}
        dataSource={versions.data}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        title={() => t('rules.history')}
        locale={{ emptyText: t('rules.noHistory') }}
        columns={[
          {
            title: t('rules.version'),
            dataIndex: 'version',
            width: 90,
            render: (n: number) => (n > 0 ? n : t('rules.default')),
          },
          { title: t('rules.rules'), key: 'r', render: (_: unknown, v) => summary(v.rules) },
          { title: t('rules.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '-' },
          {
            title: t('audit.actor'),
            dataIndex: 'createdBy',
            render: (r: string | null) => r ?? t('audit.system'),
          },
          {
            title: t('audit.at'),
            key: 'at',
            render: (_: unknown, v) => (v.version > 0 ? formatDateTime(v.createdAt) : '-'),
          },
        ]}
      />
    </Card>
  );
}
