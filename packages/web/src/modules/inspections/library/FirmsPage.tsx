// 技术机构: the contracted technical firms with their contract terms and expert counts; create, edit, deactivate.
import { useState } from 'react';
import { Form, Input } from 'antd';
import { firmCreate, firmUpdate, type Firm } from '@ducha/contract';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { ActiveActions, useSetActive } from '../../../components/ActiveActions.tsx';
import { DateInput } from '../../../components/DateInput.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { ActiveTag } from '../../../components/StatusTag.tsx';
import { useTableState } from '../../../components/useTableState.ts';
import { firmHooks, useFirms } from './api.ts';
import { ImportExport } from './ImportExport.tsx';
import { useLibraryForm } from './useLibraryForm.ts';

type Filters = { active?: boolean };

export default function FirmsPage() {
  const t = useT();
  const me = useMe();
  const writable = useCan()('inspection.write') && (me.role === 'office' || me.role === 'admin');
  const table = useTableState<Filters>({});
  const query = useFirms(table.params);
  const setActive = useSetActive(firmHooks.useUpdate());
  const [editing, setEditing] = useState<Firm | null | undefined>(undefined);
  const columns = [
    { title: t('field.name'), dataIndex: 'name' },
    { title: t('ilib.contact'), dataIndex: 'contact', render: (v: string) => v || '-' },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string) => v || '-' },
    { title: t('ilib.contractFrom'), dataIndex: 'contractFrom', render: (v: string | null) => v ?? '-' },
    { title: t('ilib.contractTo'), dataIndex: 'contractTo', render: (v: string | null) => v ?? '-' },
    { title: t('ilib.expertCount'), dataIndex: 'experts' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, f: Firm) => (
        <ActiveActions
          row={f}
          writable={writable}
          onEdit={() => setEditing(f)}
          deactivateConfirm={`${t('action.deactivate')} ${f.name}`}
          setActive={setActive}
        />
      ),
    },
  ];
  return (
    <ListPage<Firm, Filters>
      title={t('menu.inspectionFirms')}
      create={writable && { label: t('ilib.createFirm'), onClick: () => setEditing(null) }}
      testId="firm"
      table={table}
      query={query}
      searchPlaceholder={t('ilib.searchFirms')}
      filters={
        <ImportExport
          resource="inspection-firms"
          params={{ ...table.state.filters, q: table.state.q || undefined }}
          fileName="技术机构"
          regionCode={me.regionCode}
          writable={writable}
        />
      }
      columns={columns}
    >
      {editing !== undefined && <FirmForm editing={editing} onClose={() => setEditing(undefined)} />}
    </ListPage>
  );
}

function FirmForm({ editing, onClose }: { editing: Firm | null; onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const { form, z, zc, submit, saving } = useLibraryForm({
    editing,
    hooks: firmHooks,
    create: firmCreate,
    update: firmUpdate,
    onClose,
  });

  const initial = editing ? { ...editing } : { regionCode: me.regionCode };
  return (
    <FormDrawer
      title={editing ? t('ilib.editFirm') : t('ilib.createFirm')}
      onClose={onClose}
      onSave={submit}
      saving={saving}
      testId="firm-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <Form.Item name="regionCode" label={t('field.region')} {...zc.item('regionCode')}>
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('field.name')} {...z.item('name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contact" label={t('ilib.contact')}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} {...z.item('phone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="contractFrom" label={t('ilib.contractFrom')} {...z.item('contractFrom')}>
          <DateInput />
        </Form.Item>
        <Form.Item name="contractTo" label={t('ilib.contractTo')} {...z.item('contractTo')}>
          <DateInput />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
