// 成立/编辑督查组: name, sector, region and year, leader, members (a person may sit in several groups)
// and the projects it supervises (in its region).
import { App, Col, Form, Input, InputNumber, Row } from 'antd';
import { inspectionGroupCreate, inspectionGroupUpdate, type InspectionGroupDetail } from '@ducha/contract';
import { groupHooks } from '../../../api/inspection-groups.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { PeopleMultiSelect, ProjectMultiSelect } from '../../../components/pickers.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { PersonSelect, optionOf } from '../../../components/RemoteSelect.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';

interface Values {
  regionCode?: string;
  year?: number;
  name?: string;
  sector?: string;
  leaderPersonId?: number | null;
  memberPersonIds?: number[];
  projectIds?: number[];
}

export function GroupForm({ editing, onClose }: { editing?: InspectionGroupDetail; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = groupHooks.useCreate();
  const update = groupHooks.useUpdate();
  const onError = useApiError();
  const regionCode = Form.useWatch('regionCode', form);
  const zf = zodForm(inspectionGroupCreate, t('form.required'));
  const done = () => {
    message.success(t('group.saved'));
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const parts = {
      name: v.name,
      sector: v.sector,
      leaderPersonId: v.leaderPersonId ?? null,
      memberPersonIds: v.memberPersonIds ?? [],
      projectIds: v.projectIds ?? [],
    };
    if (editing) {
      const body = zodForm(inspectionGroupUpdate, t('form.required')).parse(form, {
        version: editing.version,
        ...parts,
      });
      if (body)
        update.mutate({ id: editing.id, ...body }, { onSuccess: done, onError: (e) => onError(e, form) });
    } else {
      const body = zodForm(inspectionGroupCreate, t('form.required')).parse(form, {
        ...parts,
        regionCode: v.regionCode,
        year: v.year,
      });
      if (body) create.mutate(body, { onSuccess: done, onError: (e) => onError(e, form) });
    }
  };
  return (
    <FormDrawer
      title={editing ? t('group.edit') : t('group.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      testId="group-save"
      size={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                name: editing.name,
                sector: editing.sector,
                leaderPersonId: editing.leaderPersonId,
                memberPersonIds: editing.members.map((m) => m.personId),
                projectIds: editing.projects.map((p) => p.id),
              }
            : { regionCode: me.regionCode ?? undefined, year: new Date().getFullYear() }
        }
      >
        {!editing && (
          <Row gutter={12}>
            <Col span={16}>
              <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
                <RegionSelect allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="year" label={t('group.year')} {...zf.item('year')}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="name" label={t('group.name')} {...zf.item('name')}>
              <Input maxLength={60} placeholder="工业项目督查组" data-testid="group-name" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="sector" label={t('group.sector')} {...zf.item('sector')}>
              <Input maxLength={30} placeholder="工业" data-testid="group-sector" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="leaderPersonId" label={t('group.leader')}>
          <PersonSelect initialOptions={optionOf(editing?.leaderPersonId, editing?.leaderName)} />
        </Form.Item>
        <Form.Item name="memberPersonIds" label={t('group.members')}>
          <PeopleMultiSelect
            initialOptions={(editing?.members ?? []).map((m) => ({ value: m.personId, label: m.name }))}
          />
        </Form.Item>
        <Form.Item name="projectIds" label={t('group.projects')}>
          <ProjectMultiSelect
            regionCode={editing?.regionCode ?? regionCode}
            initialOptions={(editing?.projects ?? []).map((p) => ({
              value: p.id,
              label: `${p.code} ${p.name}`,
            }))}
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
