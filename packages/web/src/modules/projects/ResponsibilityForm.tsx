// Drawer to change the 五个一 chain (office) and the team and officers (office or lead unit), with a reason.
import { Alert, Button, Form, Input, Space } from 'antd';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { responsibilityUpdate, type Project } from '@ducha/contract';
import { useUpdateResponsibility } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { PersonSelect, UnitSelect, optionOf } from '../../components/RemoteSelect.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { PositionSelect, UnitMultiSelect } from '../../components/pickers.tsx';

interface TeamRow {
  personId?: number | null;
  duty?: string | null;
}

export function ResponsibilityForm({
  p,
  manager,
  onClose,
}: {
  p: Project;
  manager: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm();
  const save = useUpdateResponsibility();
  const onError = useApiError();
  const zf = zodForm(responsibilityUpdate, t('form.required'));
  const r = p.responsibility;

  const submit = async () => {
    const v = form.getFieldsValue();
    const team = ((v.team ?? []) as TeamRow[])
      .filter((m) => m.personId)
      .map((m) => ({ personId: m.personId as number, duty: m.duty?.trim() || null }));
    const chain = manager
      ? {
          leaderPositionId: v.leaderPositionId ?? null,
          responsibleUnitId: v.responsibleUnitId ?? null,
          coUnitIds: v.coUnitIds ?? [],
        }
      : {};
    const body = zf.parse(form, {
      version: p.version,
      ...chain,
      team,
      responsiblePersonId: v.responsiblePersonId ?? null,
      handlingOfficerId: v.handlingOfficerId ?? null,
      reason: v.reason,
    });
    if (!body) return;
    try {
      await save.mutateAsync({ id: p.id, ...body });
      onClose();
    } catch (e) {
      onError(e, form, onClose);
    }
  };

  const initial = {
    leaderPositionId: r.leaderPositionId,
    responsibleUnitId: r.responsibleUnitId,
    coUnitIds: r.coUnits.map((u) => u.id),
    team: r.team.map((m) => ({ personId: m.personId, duty: m.duty })),
    responsiblePersonId: r.responsiblePersonId,
    handlingOfficerId: r.handlingOfficerId,
  };
  const teamOptions = r.team.map((m) => ({ value: m.personId, label: m.name }));

  return (
    <FormDrawer
      size={640}
      title={t('project.editResponsibility')}
      onClose={onClose}
      onSave={submit}
      saving={save.isPending}
      testId="responsibility-save"
    >
      {!manager && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('project.chainOfficeOnly')} />
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Form.Item name="leaderPositionId" label={t('project.leader')} extra={t('project.leaderHelp')}>
          <PositionSelect
            disabled={!manager}
            initialOptions={optionOf(r.leaderPositionId, r.leaderPositionName)}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="responsibleUnitId" label={t('project.responsibleUnit')}>
          <UnitSelect
            disabled={!manager}
            initialOptions={optionOf(r.responsibleUnitId, r.responsibleUnitName)}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={t('project.coUnits')} {...zf.item('coUnitIds')}>
          <UnitMultiSelect
            disabled={!manager}
            initialOptions={r.coUnits.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label={t('project.team')}>
          <Form.List name="team">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item
                      name={[f.name, 'personId']}
                      rules={[{ required: true, message: t('form.required') }]}
                    >
                      <PersonSelect initialOptions={teamOptions} style={{ width: 240 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'duty']}>
                      <Input maxLength={50} placeholder={t('project.duty')} style={{ width: 220 }} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('action.remove')}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                  {t('project.addMember')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item name="responsiblePersonId" label={t('project.responsiblePerson')}>
          <PersonSelect initialOptions={optionOf(r.responsiblePersonId, r.responsiblePersonName)} />
        </Form.Item>
        <Form.Item name="handlingOfficerId" label={t('project.handlingOfficer')}>
          <PersonSelect initialOptions={optionOf(r.handlingOfficerId, r.handlingOfficerName)} />
        </Form.Item>
        <Form.Item name="reason" label={t('field.reason')} {...zf.item('reason')}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={t('project.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
