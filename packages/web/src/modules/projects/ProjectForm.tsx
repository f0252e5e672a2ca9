// Drawer form to create or edit a project's registry fields (DOMAIN §3 "Fields"); stage is set on create only.
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { investmentNatures, projectCreate, projectUpdate, type Project } from '@ducha/contract';
import { projectHooks } from '../../api/projects.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { DictSelect, useStageOptions } from '../../components/pickers.tsx';
import { MonthInput } from '../../components/MonthInput.tsx';
import { thisMonth } from '../../components/period.ts';

export interface ProjectFormProps {
  editing: Project | null;
  onClose: () => void;
  onSaved?: (p: Project) => void;
}

const unitFields = [
  ['ownerUnitId', 'owner'],
  ['contractorUnitId', 'contractor'],
  ['supervisorUnitId', 'supervisor'],
  ['agentUnitId', 'agent'],
  ['designerUnitId', 'designer'],
] as const;
const dateFields = [
  'plannedStart',
  'plannedCompletion',
  'plannedProduction',
  'actualStart',
  'actualCompletion',
  'actualProduction',
] as const;

function initialOf(p: Project | null, regionCode: string) {
  if (!p)
    return {
      regionCode,
      investmentNature: 'government',
      stage: 'preliminary',
      fundingSources: [],
      tags: [],
      reportsFrom: thisMonth(),
    };
  return {
    name: p.name,
    regionCode: p.regionCode,
    address: p.address,
    longitude: p.longitude,
    latitude: p.latitude,
    sector: p.sector,
    scale: p.scale,
    investmentNature: p.investmentNature,
    fundingSources: p.fundingSources,
    totalInvestment: p.totalInvestment,
    basisDoc: p.basisDoc,
    basisDocNo: p.basisDocNo,
    tags: p.tags,
    reportsFrom: p.reportsFrom,
    ...Object.fromEntries(unitFields.map(([f, k]) => [f, p[k].id])),
    ...Object.fromEntries(dateFields.map((f) => [f, p[f]])),
  };
}

export function ProjectForm({ editing, onClose, onSaved }: ProjectFormProps) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const [form] = Form.useForm();
  const create = projectHooks.useCreate();
  const update = projectHooks.useUpdate();
  const onError = useApiError();
  const stageOptions = useStageOptions();
  const zc = zodForm(projectCreate, t('form.required'));
  const zu = zodForm(projectUpdate, t('form.required'));

  const submit = async () => {
    const values = form.getFieldsValue();
    try {
      let saved: Project;
      if (editing) {
        const body = zu.parse(form, { ...values, version: editing.version });
        if (!body) return;
        saved = await update.mutateAsync({ id: editing.id, ...body });
      } else {
        const body = zc.parse(form, values);
        if (!body) return;
        saved = await create.mutateAsync(body);
      }
      onSaved?.(saved);
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const half = { xs: 24, md: 12 };
  return (
    <FormDrawer
      size={760}
      title={editing ? t('project.edit', { name: editing.name }) : t('project.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      testId="project-save"
    >
      <Form form={form} layout="vertical" initialValues={initialOf(editing, me.regionCode ?? '')}>
        <Row gutter={16}>
          {editing ? (
            <Col {...half}>
              <Form.Item label={t('project.code')}>
                <Input disabled value={editing.code} />
              </Form.Item>
            </Col>
          ) : (
            <>
              <Col {...half}>
                <Form.Item
                  name="code"
                  label={t('project.code')}
                  extra={t('project.codeHelp')}
                  {...zc.item('code')}
                >
                  <Input maxLength={40} placeholder="DQ-2026-001" />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item name="stage" label={t('field.stage')} {...zc.item('stage')}>
                  <Select options={stageOptions} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={24}>
            <Form.Item name="name" label={t('project.name')} {...zc.item('name')}>
              <Input maxLength={100} placeholder={t('project.namePlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="regionCode" label={t('project.region')} {...zc.item('regionCode')}>
              <RegionSelect />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="sector" label={t('field.sector')} {...zc.item('sector')}>
              <DictSelect kind="sector" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="investmentNature"
              label={t('field.investmentNature')}
              {...zc.item('investmentNature')}
            >
              <Select options={investmentNatures.map((n) => ({ value: n, label: L.nature(n) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="totalInvestment"
              label={t('project.totalInvestmentWan')}
              {...zc.item('totalInvestment')}
            >
              <Input suffix={t('money.wan')} style={{ textAlign: 'right' }} placeholder="0.00" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="fundingSources" label={t('field.fundingSources')} {...zc.item('fundingSources')}>
              <DictSelect kind="funding_source" multiple />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="scale" label={t('field.scale')} {...zc.item('scale')}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('field.address')} {...zc.item('address')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="longitude" label={t('field.longitude')} {...zc.item('longitude')}>
              <Input placeholder="125.0328" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="latitude" label={t('field.latitude')} {...zc.item('latitude')}>
              <Input placeholder="46.5881" />
            </Form.Item>
          </Col>
          {unitFields.map(([f, k]) => (
            <Col {...half} key={f}>
              <Form.Item name={f} label={t(`field.${f}`)} {...zc.item(f)}>
                <UnitSelect
                  placeholder={t('common.none')}
                  initialOptions={optionOf(editing?.[k].id, editing?.[k].name)}
                />
              </Form.Item>
            </Col>
          ))}
          <Col {...half}>
            <Form.Item name="basisDoc" label={t('field.basisDoc')} {...zc.item('basisDoc')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="basisDocNo" label={t('field.basisDocNo')} {...zc.item('basisDocNo')}>
              <Input maxLength={60} placeholder={t('project.docNoPlaceholder')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="tags" label={t('field.tags')} {...zc.item('tags')}>
              <DictSelect kind="tag" multiple />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="reportsFrom"
              label={t('field.reportsFrom')}
              extra={t('project.reportsFromHelp')}
              {...zc.item('reportsFrom')}
            >
              <MonthInput allowFuture testId="project-reports-from" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">{t('project.datesHelp')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {dateFields.map((f) => (
            <Col xs={24} md={8} key={f}>
              <Form.Item name={f} label={t(`field.${f}`)} {...zc.item(f)}>
                <DateInput notAfterToday={f.startsWith('actual')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </FormDrawer>
  );
}
