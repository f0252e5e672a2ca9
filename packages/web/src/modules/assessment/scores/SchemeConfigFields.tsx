// The scheme's config as form fields (names under `config`, as the contract and the server's error
// paths name them): base score, the rules table, the groups with their units, ties, 红黑榜 and 红黄牌.
import {
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Table,
  type FormInstance,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { tieRules } from '@ducha/contract';
import { useUnits } from '../../../api/org.ts';
import { useT } from '../../../app/i18n.tsx';
import type { MsgKey } from '../../../app/messages/zh.ts';
import { useScoreLabels } from './parts.tsx';

const C = 'config';

export function SchemeConfigFields({ regionCode, form }: { regionCode: string; form: FormInstance }) {
  const t = useT();
  const labels = useScoreLabels();
  // the region's units, active ones (a scheme ranks the units of its region and below)
  const units = useUnits({ regionCode, pageSize: 500 });
  const unitOptions = (units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
  const ruleCode = (i: number) => form.getFieldValue([C, 'rules', i, 'code']) as string;
  return (
    <>
      <Form.Item name={[C, 'baseScore']} label={t('score.baseScore')} style={{ width: 200 }}>
        <Input data-testid="scheme-base" />
      </Form.Item>
      <Card type="inner" size="small" title={t('score.rules')} style={{ marginBottom: 16 }}>
        <Form.List name={[C, 'rules']}>
          {(fields) => (
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: t('score.rule'), key: 'code', render: (_, f) => labels.rule(ruleCode(f.name)) },
                {
                  title: t('score.enabled'),
                  key: 'enabled',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'enabled']} valuePropName="checked" noStyle>
                      <Switch size="small" />
                    </Form.Item>
                  ),
                },
                ...(['points', 'cap', 'perItemCap', 'weight'] as const).map((k) => ({
                  title: t(`score.ruleField.${k}` as MsgKey),
                  key: k,
                  render: (_: unknown, f: { name: number }) => (
                    <Form.Item name={[f.name, k]} style={{ margin: 0 }}>
                      <Input
                        style={{ width: 100 }}
                        placeholder={k === 'points' || k === 'weight' ? undefined : t('score.noCap')}
                        data-testid={`rule-${ruleCode(f.name)}-${k}`}
                      />
                    </Form.Item>
                  ),
                })),
              ]}
            />
          )}
        </Form.List>
      </Card>
      <Card type="inner" size="small" title={t('score.groups')} style={{ marginBottom: 16 }}>
        <Form.List name={[C, 'groups']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="top">
                  <Col span={3}>
                    <Form.Item name={[f.name, 'code']} label={t('score.groupCode')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[f.name, 'name']} label={t('score.groupName')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item name={[f.name, 'unitIds']} label={t('score.groupUnits')}>
                      <Select
                        mode="multiple"
                        options={unitOptions}
                        loading={units.isFetching}
                        optionFilterProp="label"
                      />
                    </Form.Item>
                  </Col>
                  <Col span={1} style={{ paddingTop: 30 }}>
                    <Button
                      icon={<DeleteOutlined />}
                      type="text"
                      onClick={() => remove(f.name)}
                      aria-label={t('action.remove')}
                    />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', name: '', unitIds: [] })}>
                {t('score.addGroup')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>
      <Row gutter={16}>
        <Col span={8}>
          <Card type="inner" size="small" title={t('score.tieRule')}>
            <Form.Item name={[C, 'tieRule']} style={{ margin: 0 }}>
              <Radio.Group
                options={tieRules.map((r) => ({ value: r, label: labels.of('tie', r) }))}
                style={{ display: 'flex', flexDirection: 'column' }}
              />
            </Form.Item>
          </Card>
        </Col>
        <Col span={8}>
          <Card type="inner" size="small" title={t('score.boardConfig')}>
            <Form.Item name={[C, 'board', 'redSize']} label={t('score.redSize')}>
              <InputNumber min={0} max={50} />
            </Form.Item>
            <Form.Item name={[C, 'board', 'redMinPace']} label={t('score.redMinPace')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[C, 'board', 'blackSize']} label={t('score.blackSize')}>
              <InputNumber min={0} max={50} />
            </Form.Item>
            <Form.Item name={[C, 'board', 'blackBelowPace']} label={t('score.blackBelowPace')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
          </Card>
        </Col>
        <Col span={8}>
          <Card type="inner" size="small" title={t('score.cardConfig')}>
            <Form.Item name={[C, 'cards', 'yellowBelowPace']} label={t('score.yellowBelowPace')}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name={[C, 'cards', 'redAfterYellows']} label={t('score.redAfterYellows')}>
              <InputNumber min={1} max={12} />
            </Form.Item>
            <Form.Item
              name={[C, 'cards', 'redOnReferral']}
              label={t('score.redOnReferral')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Card>
        </Col>
      </Row>
    </>
  );
}
