// 领导小组: a region's leading groups (head and deputies by position, member units, the office), the organisation's.
import { useState } from 'react';
import { App, Form, Input } from 'antd';
import { leadingGroupCreate, type LeadingGroup } from '@ducha/contract';
import { leadingHooks, useLeadingGroups } from '../../../api/inspection-groups.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionFilter } from '../../../components/ListFilters.tsx';
import { PositionMultiSelect, PositionSelect, UnitMultiSelect } from '../../../components/pickers.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { UnitSelect, optionOf } from '../../../components/RemoteSelect.tsx';
import { ActiveTag } from '../../../components/StatusTag.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { zodForm } from '../../../components/zodForm.ts';

const holder = (p: { name: string; holderName?: string | null }) =>
  p.holderName ? `${p.name}（${p.holderName}）` : p.name;

export default function LeadingGroupsPage() {
  const t = useT();
  const me = useMe();
  const office = me.role === 'admin' || me.role === 'office';
  const table = useTableState<{ regionCode?: string }>({});
  const query = useLeadingGroups(table.params);
  const [editing, setEditing] = useState<LeadingGroup | null | undefined>(undefined);
  const columns = [
    { title: t('leading.name'), dataIndex: 'name' },
    { title: t('field.region'), dataIndex: 'regionName' },
    { title: t('leading.head'), render: (_: unknown, g: LeadingGroup) => (g.head ? holder(g.head) : '—') },
    {
      title: t('leading.deputies'),
      render: (_: unknown, g: LeadingGroup) => g.deputies.map(holder).join('、') || '—',
    },
    { title: t('leading.members'), render: (_: unknown, g: LeadingGroup) => g.memberUnits.length },
    { title: t('leading.office'), render: (_: unknown, g: LeadingGroup) => g.officeUnit?.name ?? '—' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    ...(office
      ? [
          {
            title: t('common.actions'),
            render: (_: unknown, g: LeadingGroup) => <a onClick={() => setEditing(g)}>{t('action.edit')}</a>,
          },
        ]
      : []),
  ];
  return (
    <ListPage<LeadingGroup, { regionCode?: string }>
      title={t('menu.leadingGroups')}
      create={office && { label: t('leading.create'), onClick: () => setEditing(null) }}
      table={table}
      query={query}
      searchPlaceholder={t('leading.search')}
      filters={<RegionFilter table={table} />}
      columns={columns}
    >
      {editing !== undefined && <LeadingGroupForm editing={editing} onClose={() => setEditing(undefined)} />}
    </ListPage>
  );
}

interface Values {
  regionCode?: string;
  name?: string;
  headPositionId?: number | null;
  deputyPositionIds?: number[];
  memberUnitIds?: number[];
  officeUnitId?: number | null;
  duties?: string;
}

function LeadingGroupForm({ editing, onClose }: { editing: LeadingGroup | null; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = leadingHooks.useCreate();
  const update = leadingHooks.useUpdate();
  const onError = useApiError();
  const zf = zodForm(leadingGroupCreate, t('form.required'));
  const done = () => {
    message.success(t('leading.saved'));
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields();
    const parts = {
      name: v.name,
      headPositionId: v.headPositionId ?? null,
      deputyPositionIds: v.deputyPositionIds ?? [],
      memberUnitIds: v.memberUnitIds ?? [],
      officeUnitId: v.officeUnitId ?? null,
      duties: v.duties ?? '',
    };
    if (editing) {
      update.mutate(
        { id: editing.id, version: editing.version, ...parts, name: v.name! },
        { onSuccess: done, onError: (e) => onError(e, form) },
      );
      return;
    }
    const body = zf.parse(form, { ...parts, regionCode: v.regionCode });
    if (body) create.mutate(body, { onSuccess: done, onError: (e) => onError(e, form) });
  };
  return (
    <FormDrawer
      title={editing ? t('leading.edit') : t('leading.create')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending || update.isPending}
      size={600}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={
          editing
            ? {
                name: editing.name,
                headPositionId: editing.head?.id ?? null,
                deputyPositionIds: editing.deputies.map((d) => d.id),
                memberUnitIds: editing.memberUnits.map((u) => u.id),
                officeUnitId: editing.officeUnit?.id ?? null,
                duties: editing.duties,
              }
            : { regionCode: me.regionCode ?? undefined }
        }
      >
        {!editing && (
          <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
            <RegionSelect allowClear={false} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('leading.name')} {...zf.item('name')}>
          <Input maxLength={60} placeholder="重点项目建设领导小组" />
        </Form.Item>
        <Form.Item name="headPositionId" label={t('leading.head')}>
          <PositionSelect
            initialOptions={editing?.head ? [{ value: editing.head.id, label: holder(editing.head) }] : []}
          />
        </Form.Item>
        <Form.Item name="deputyPositionIds" label={t('leading.deputies')}>
          <PositionMultiSelect
            initialOptions={(editing?.deputies ?? []).map((d) => ({ value: d.id, label: holder(d) }))}
          />
        </Form.Item>
        <Form.Item name="memberUnitIds" label={t('leading.members')}>
          <UnitMultiSelect
            initialOptions={(editing?.memberUnits ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="officeUnitId" label={t('leading.office')}>
          <UnitSelect initialOptions={optionOf(editing?.officeUnit?.id, editing?.officeUnit?.name)} />
        </Form.Item>
        <Form.Item name="duties" label={t('leading.duties')}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
