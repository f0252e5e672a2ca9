// Saved views of a list page: pick one of the user's views, save the current filters, delete a view.
import { useState } from 'react';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Tooltip } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { savedViewCreate } from '@ducha/contract';
import { useDeleteView, useSaveView, useSavedViews } from '../api/projects.ts';
import { useT } from '../app/i18n.tsx';
import { useApiError } from './useApiError.ts';
import { zodForm } from './zodForm.ts';

export interface SavedViewsProps {
  page: string;
  /** What "保存当前视图" stores. */
  current: Record<string, unknown>;
  /** Restores a view's stored query. */
  onApply: (query: Record<string, unknown>) => void;
}

export function SavedViews({ page, current, onApply }: SavedViewsProps) {
  const t = useT();
  const { message } = App.useApp();
  const onError = useApiError();
  const views = useSavedViews(page);
  const save = useSaveView();
  const remove = useDeleteView();
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const zf = zodForm(savedViewCreate, t('form.required'));

  const apply = (id: number | undefined) => {
    setSelected(id);
    const v = views.data?.find((x) => x.id === id);
    if (v) onApply(v.query);
  };
  const submit = async () => {
    const body = zf.parse(form, { page, name: form.getFieldValue('name'), query: current });
    if (!body) return;
    try {
      const v = await save.mutateAsync(body);
      setSelected(v.id);
      setSaving(false);
      message.success(t('view.saved', { name: v.name }));
    } catch (e) {
      onError(e, form);
    }
  };
  const del = async () => {
    if (selected === undefined) return;
    try {
      await remove.mutateAsync(selected);
      setSelected(undefined);
      message.success(t('view.deleted'));
    } catch (e) {
      onError(e);
    }
  };
  const selectedName = views.data?.find((v) => v.id === selected)?.name;

  return (
    <>
      <Space.Compact>
        <Select
          allowClear
          placeholder={t('view.placeholder')}
          style={{ width: 160 }}
          value={selected}
          onChange={apply}
          loading={views.isLoading}
          options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
          notFoundContent={t('view.none')}
          data-testid="saved-views"
        />
        <Tooltip title={t('view.save')}>
          <Button
            icon={<SaveOutlined />}
            onClick={() => {
              form.setFieldsValue({ name: selectedName ?? '' });
              setSaving(true);
            }}
            data-testid="saved-view-save"
          />
        </Tooltip>
        {selected !== undefined && (
          <Popconfirm title={t('view.deleteConfirm', { name: selectedName ?? '' })} onConfirm={del}>
            <Button icon={<DeleteOutlined />} danger loading={remove.isPending} />
          </Popconfirm>
        )}
      </Space.Compact>
      <Modal
        open={saving}
        title={t('view.save')}
        onCancel={() => setSaving(false)}
        onOk={submit}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="name" label={t('view.name')} extra={t('view.help')} {...zf.item('name')}>
            <Input maxLength={30} placeholder={t('view.namePlaceholder')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
