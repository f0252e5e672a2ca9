// 填写/修改周督查记录: one project's week (本周进展, 存在问题, 下周安排); problems needing co-ordination
// go into the ledger with the record (提交问题台账).
import { App, Alert, Button, Card, Form, Input, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { siteRecordCreate, type InspectionGroupDetail, type SiteRecord } from '@ducha/contract';
import { useCreateRecord, useUpdateRecord } from '../../../api/inspection-groups.ts';
import { useT } from '../../../app/i18n.tsx';
import { DateInput } from '../../../components/DateInput.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { DictSelect } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { zodForm } from '../../../components/zodForm.ts';

interface Values {
  projectId?: number;
  weekOf?: string;
  progress?: string;
  problems?: string;
  nextWeek?: string;
  raise?: { category?: string; title?: string; description?: string }[];
}

export function RecordForm({
  group,
  projectId,
  editing,
  onClose,
}: {
  group: InspectionGroupDetail;
  projectId?: number;
  editing?: SiteRecord;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateRecord(group.id);
  const update = useUpdateRecord();
  const onError = useApiError();
  const zf = zodForm(siteRecordCreate, t('form.required'));
  const done = () => {
    message.success(t('record.saved'));
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    if (editing) {
      update.mutate(
        {
          id: editing.id,
          version: editing.version,
          progress: v.progress,
          problems: v.problems ?? '',
          nextWeek: v.nextWeek ?? '',
        },
        { onSuccess: done, onError: (e) => onError(e, form) },
      );
      return;
    }
    const body = zf.parse(form, {
      projectId: v.projectId,
      weekOf: v.weekOf,
      progress: v.progress,
      problems: v.problems ?? '',
      nextWeek: v.nextWeek ?? '',
      raise: v.raise ?? [],
    });
    if (body) create.mutate(body, { onSuccess: done, onError: (e) => onError(e, form) });
  };
  return (
    <FormDrawer
      title={editing ? t('record.edit') : t('record.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      testId="record-save"
      size={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? { progress: editing.progress, problems: editing.problems, nextWeek: editing.nextWeek }
            : { projectId, weekOf: new Date().toISOString().slice(0, 10), raise: [] }
        }
      >
        {!editing && (
          <>
            <Form.Item name="projectId" label={t('record.project')} {...zf.item('projectId')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={group.projects.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
                data-testid="record-project"
              />
            </Form.Item>
            <Form.Item name="weekOf" label={t('record.weekOf')} {...zf.item('weekOf')}>
              <DateInput allowClear={false} notAfterToday />
            </Form.Item>
          </>
        )}
        <Form.Item name="progress" label={t('record.progress')} {...zf.item('progress')}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="record-progress" />
        </Form.Item>
        <Form.Item name="problems" label={t('record.problems')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="record-problems" />
        </Form.Item>
        <Form.Item name="nextWeek" label={t('record.nextWeek')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="record-next-week" />
        </Form.Item>
        {!editing && (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('record.raiseHelp')} />
            <Form.List name="raise">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Card
                      key={f.key}
                      size="small"
                      style={{ marginBottom: 8 }}
                      extra={<MinusCircleOutlined onClick={() => remove(f.name)} />}
                    >
                      <Form.Item
                        name={[f.name, 'category']}
                        label={t('record.problemCategory')}
                        rules={[{ required: true, message: t('form.required') }]}
                      >
                        <DictSelect kind="item_category" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'title']}
                        label={t('record.problemTitle')}
                        rules={[{ required: true, min: 2, message: t('form.required') }]}
                      >
                        <Input maxLength={60} data-testid="record-problem-title" />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'description']}
                        label={t('record.problemDescription')}
                        rules={[{ required: true, min: 2, message: t('form.required') }]}
                      >
                        <Input.TextArea rows={2} maxLength={2000} data-testid="record-problem-description" />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({})} data-testid="record-add-problem">
                    {t('record.addProblem')}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
