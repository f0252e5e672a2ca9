// 稽察人员库: inspectors with their unit and role; create, edit, deactivate, import and export.
import { useState } from 'react';
import { Form, Input, Select } from 'antd';
import { inspectorCreate, inspectorRoles, inspectorUpdate, type Inspector } from '@ducha/contract';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { ActiveActions, useSetActive } from '../../../components/ActiveActions.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { UnitSelect, optionOf } from '../../../components/RemoteSelect.tsx';
import { ActiveTag } from '../../../components/StatusTag.tsx';
import { useTableState } from '../../../components/useTableState.ts';
import { inspectorHooks, useInspectors } from './api.ts';
import { ImportExport } from './ImportExport.tsx';
import { useLibraryForm } from './useLibraryForm.ts';

type Filters = { role?: string; active?: boolean };
const roleOptions = inspectorRoles.map((r) => ({ value: r, label: r }));

export default function InspectorsPage() {
  const t = useT();
  const me = useMe();
  const writable = useCan()('inspection.write') && (me.role === 'office' || me.role === 'admin');
  const table = useTableState<Filters>({});
  const query = useInspectors(table.params);
  const setActive = useSetActive(inspectorHooks.useUpdate());
  const [editing, setEditing] = useState<Inspector | null | undefined>(undefined);
  const columns = [
    { title: t('ilib.expertName'), dataIndex: 'name' },
    { title: t('ilib.role'), dataIndex: 'role' },
    { title: t('ilib.unit'), dataIndex: 'unit', render: (v: string | null) => v ?? '-' },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string) => v || '-' },
    { title: t('ilib.login'), dataIndex: 'username', render: (v: string | null) => v ?? '-' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, i: Inspector) => (
        <ActiveActions
          row={i}
          writable={writable}
          onEdit={() => setEditing(i)}
          deactivateConfirm={`${t('action.deactivate')} ${i.name}`}
          setActive={setActive}
        />
      ),
    },
  ];
  return (
    <ListPage<Inspector, Filters>
      title={t('menu.inspectors')}
      create={writable && { label: t('ilib.createInspector'), onClick: () => setEditing(null) }}
      testId="inspector"
      table={table}
      query={query}
      searchPlaceholder={t('ilib.searchName')}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('ilib.role')}
            style={{ width: 180 }}
            value={table.state.filters.role}
            onChange={(role) => table.setFilter({ role })}
            options={roleOptions}
          />
          <ImportExport
            resource="inspectors"
            params={{ ...table.state.filters, q: table.state.q || undefined }}
            fileName="稽察人员名录"
            regionCode={me.regionCode}
            writable={writable}
          />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && <InspectorForm editing={editing} onClose={() => setEditing(undefined)} />}
    </ListPage>
  );
}

function InspectorForm({ editing, onClose }: { editing: Inspector | null; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { form, z, zc, submit, saving } = useLibraryForm({
    editing,
    hooks: inspectorHooks,
    create: inspectorCreate,
    update: inspectorUpdate,
    onClose,
  });

  const initial = editing
    ? { name: editing.name, role: editing.role, unitId: editing.unitId, phone: editing.phone }
    : { regionCode: me.regionCode };
  return (
    <FormDrawer
      title={editing ? t('ilib.editInspector') : t('ilib.createInspector')}
      onClose={onClose}
      onSave={submit}
      saving={saving}
      testId="inspector-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <Form.Item name="regionCode" label={t('field.region')} {...zc.item('regionCode')}>
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('ilib.expertName')} {...z.item('name')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="role" label={t('ilib.role')} {...z.item('role')}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item name="unitId" label={t('ilib.unit')}>
          <UnitSelect
            placeholder={t('common.none')}
            initialOptions={optionOf(editing?.unitId, editing?.unit)}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} {...z.item('phone')}>
          <Input maxLength={30} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
