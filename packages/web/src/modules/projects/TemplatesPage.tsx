// 手续模板: the 前期手续 checklists offices apply to projects; offices add their own (e.g. 工业项目).
import { useState } from 'react';
import { Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { procedureTemplateCreate } from '@ducha/contract';
import { useCreateTemplate, useProcedureTemplates, type ProcedureTemplate } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';

function TemplateForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm();
  const create = useCreateTemplate();
  const onError = useApiError();
  const z = zodForm(procedureTemplateCreate, t('form.required'));
  const submit = async () => {
    const body = z.parse(form, form.getFieldsValue());
    if (!body) return;
    try {
      await create.mutateAsync(body);
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };
  return (
    <FormDrawer
      title={t('template.create')}
      size={560}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="template-save"
    >
      <Form form={form} layout="vertical" initialValues={{ items: [{ name: '', category: null }] }}>
        <Form.Item name="name" label={t('template.name')} {...z.item('name')}>
          <Input maxLength={50} placeholder={t('template.namePlaceholder')} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={i === 0 ? t('template.item') : undefined}
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Input maxLength={100} style={{ width: 260 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'category']} label={i === 0 ? t('template.category') : undefined}>
                    <Input maxLength={30} style={{ width: 140 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    disabled={fields.length === 1}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', category: null })}>
                {t('template.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}

export default function TemplatesPage() {
  const t = useT();
  const templates = useProcedureTemplates();
  const [creating, setCreating] = useState(false);
  return (
    <Card
      title={t('menu.templates')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="template-create"
        >
          {t('template.create')}
        </Button>
      }
    >
      <Table<ProcedureTemplate>
        rowKey="id"
        loading={templates.isLoading}
        dataSource={templates.data ?? []}
        pagination={false}
        columns={[
          { title: t('template.name'), dataIndex: 'name', width: 220 },
          {
            title: t('template.items'),
            key: 'items',
            render: (_: unknown, r) => (
              <Space size={[4, 4]} wrap>
                {r.items.map((i) => (
                  <Tag key={i.name}>{i.category ? `${i.name}(${i.category})` : i.name}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {creating && <TemplateForm onClose={() => setCreating(false)} />}
    </Card>
  );
}
