// 字典管理: the office's configurable lists (sectors, funding sources, tags, item categories): add
// entries, edit their labels, English labels and order with the version read, deactivate (never delete).
import { useState } from 'react';
import { App, Alert, Button, Card, Form, Input, InputNumber, Table, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  dictionaryItemCreate,
  dictionaryKindLabels,
  dictionaryKinds,
  type DictionaryKind,
} from '@ducha/contract';
import {
  useAddDictionaryItem,
  useDictionary,
  useSharedSettings,
  useUpdateDictionaryItem,
  type DictionaryItem,
} from '../../api/projects.ts';
import { useMe } from '../../app/auth.tsx';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { useI18n } from '../../app/i18n.tsx';
import { ActiveActions } from '../../components/ActiveActions.tsx';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { ActiveTag } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { zodForm } from '../../components/zodForm.ts';
import { dictionaryEditorRoles } from './access.ts';

interface EntryValues {
  label?: string;
  labelEn?: string | null;
  sort?: number;
}

/** Adds an entry (`entry` absent) or edits one: label, English label, order. */
function EntryForm({
  kind,
  entry,
  nextSort,
  onClose,
}: {
  kind: DictionaryKind;
  entry: DictionaryItem | null;
  nextSort: number;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const add = useAddDictionaryItem();
  const update = useUpdateDictionaryItem();
  const onError = useApiError();
  const z = zodForm(dictionaryItemCreate, t('form.required'));
  const kindLabel = dictionaryKindLabels[kind][lang];

  const submit = async () => {
    const body = z.parse(form, { kind, ...form.getFieldsValue() });
    if (!body) return;
    try {
      if (entry)
        await update.mutateAsync({
          kind,
          code: entry.code,
          version: entry.version,
          label: body.label,
          labelEn: body.labelEn ?? null,
          sort: body.sort,
        });
      else await add.mutateAsync(body);
      message.success(t('dict.saved'));
      onClose();
    } catch (e) {
      onError(e, form);
    }
  };

  return (
    <FormDrawer
      title={entry ? t('dict.edit', { kind: kindLabel }) : t('dict.add', { kind: kindLabel })}
      onClose={onClose}
      onSave={submit}
      saving={add.isPending || update.isPending}
      testId="dict-save"
    >
      <Form<EntryValues>
        form={form}
        layout="vertical"
        initialValues={
          entry ? { label: entry.label, labelEn: entry.labelEn, sort: entry.sort } : { sort: nextSort }
        }
      >
        {entry && (
          <Form.Item label={t('dict.code')} extra={t('dict.codeHelp')}>
            <Typography.Text code>{entry.code}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="label"
          label={t('dict.label')}
          extra={entry ? undefined : t('dict.labelHelp')}
          {...z.item('label')}
        >
          <Input maxLength={20} data-testid="dict-label" />
        </Form.Item>
        <Form.Item
          name="labelEn"
          label={t('dict.labelEn')}
          extra={t('dict.labelEnHelp')}
          {...z.item('labelEn')}
        >
          <Input maxLength={60} data-testid="dict-label-en" />
        </Form.Item>
        <Form.Item name="sort" label={t('dict.sort')} extra={t('dict.sortHelp')} {...z.item('sort')}>
          <InputNumber min={0} max={999} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** One dictionary: its entries in order, active and inactive, with 新增 / 编辑 / 停用 / 启用. */
function KindTable({ kind, editable }: { kind: DictionaryKind; editable: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const onError = useApiError();
  const query = useDictionary(kind);
  const update = useUpdateDictionaryItem();
  const [editing, setEditing] = useState<DictionaryItem | 'new' | null>(null);
  const rows = query.data ?? [];
  const nextSort = rows.reduce((max, r) => Math.max(max, r.sort), 0) + 1;
  const kindLabel = dictionaryKindLabels[kind][lang];

  const setActive = (row: DictionaryItem, active: boolean) =>
    update
      .mutateAsync({ kind, code: row.code, version: row.version, active })
      .then(() => message.success(active ? t('common.activated') : t('common.deactivated')), onError);

  return (
    <>
      {editable && (
        <div style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid={`dict-add-${kind}`}
          >
            {t('dict.add', { kind: kindLabel })}
          </Button>
        </div>
      )}
      {query.error && (
        <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 12 }} />
      )}
      <Table<DictionaryItem>
        rowKey="code"
        size="middle"
        loading={query.isFetching}
        dataSource={rows}
        pagination={false}
        data-testid={`dict-table-${kind}`}
        columns={[
          { title: t('dict.label'), dataIndex: 'label', render: (v: string) => <strong>{v}</strong> },
          {
            title: t('dict.labelEn'),
            dataIndex: 'labelEn',
            render: (v: string | null) => v ?? <Typography.Text type="secondary">-</Typography.Text>,
          },
          {
            title: t('dict.code'),
            dataIndex: 'code',
            render: (v: string, r) =>
              v === r.label ? <Typography.Text type="secondary">{v}</Typography.Text> : v,
          },
          { title: t('dict.sort'), dataIndex: 'sort', align: 'right', width: 80 },
          {
            title: t('field.status'),
            dataIndex: 'active',
            width: 100,
            render: (v: boolean) => <ActiveTag active={v} />,
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 160,
                  render: (_: unknown, r: DictionaryItem) => (
                    <ActiveActions
                      row={r}
                      writable
                      onEdit={() => setEditing(r)}
                      deactivateConfirm={t('dict.deactivateConfirm', { label: r.label })}
                      setActive={setActive}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <EntryForm
          kind={kind}
          entry={editing === 'new' ? null : editing}
          nextSort={nextSort}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

export default function DictionariesPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const shared = useSharedSettings();
  if (!dictionaryEditorRoles.includes(me.role)) return <ForbiddenPage />;
  const editable = !!shared.data?.editable;
  return (
    <Card title={t('menu.dictionaries')} variant="borderless" data-testid="dictionaries">
      <Typography.Paragraph type="secondary">{t('dict.help')}</Typography.Paragraph>
      {shared.data && !editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="dict-read-only"
          title={t('shared.readOnly', { region: shared.data.regionName ?? '-' })}
        />
      )}
      <Tabs
        destroyOnHidden
        items={dictionaryKinds.map((k) => ({
          key: k,
          label: <span data-testid={`dict-tab-${k}`}>{dictionaryKindLabels[k][lang]}</span>,
          children: <KindTable kind={k} editable={editable} />,
        }))}
      />
    </Card>
  );
}
