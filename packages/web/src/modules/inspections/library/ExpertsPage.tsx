// 专家库: experts with filters (specialty, firm, active, text), create and edit, deactivate, import and export.
import { useState } from 'react';
import { Form, Input, Select, Switch } from 'antd';
import { expertCreate, expertUpdate, type Expert } from '@ducha/contract';
import { useDictionary } from '../../../api/projects.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { ActiveActions, useSetActive } from '../../../components/ActiveActions.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { UnitSelect, optionOf } from '../../../components/RemoteSelect.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { ActiveTag } from '../../../components/StatusTag.tsx';
import { useTableState } from '../../../components/useTableState.ts';
import { expertHooks, useExperts, useFirms } from './api.ts';
import { ImportExport } from './ImportExport.tsx';
import { useLibraryForm } from './useLibraryForm.ts';

type Filters = {
  specialty?: string;
  firmId?: number;
  active?: boolean;
};

export default function ExpertsPage() {
  const t = useT();
  const me = useMe();
  const writable = useCan()('inspection.write') && (me.role === 'office' || me.role === 'admin');
  const table = useTableState<Filters>({});
  const query = useExperts(table.params);
  const specialties = (useDictionary('expert_specialty').data ?? []).map((d) => ({
    value: d.code,
    label: d.label,
  }));
  const firms = (useFirms({ pageSize: 200 }).data?.items ?? []).map((f) => ({ value: f.id, label: f.name }));
  const setActive = useSetActive(expertHooks.useUpdate());
  const [editing, setEditing] = useState<Expert | null | undefined>(undefined);
  const columns = [
    { title: t('ilib.expertName'), dataIndex: 'name' },
    { title: t('ilib.specialty'), dataIndex: 'specialty' },
    { title: t('ilib.titleOf'), dataIndex: 'title' },
    { title: t('ilib.employer'), dataIndex: 'employer' },
    { title: t('ilib.firm'), dataIndex: 'firm', render: (v: string | null) => v ?? '-' },
    { title: t('field.phone'), dataIndex: 'phone', render: (v: string) => v || '-' },
    {
      title: t('ilib.availability'),
      dataIndex: 'availability',
      render: (w: Expert['availability']) => w.map((x) => `${x.from}~${x.to}`).join('；') || '-',
    },
    { title: t('ilib.login'), dataIndex: 'username', render: (v: string | null) => v ?? '-' },
    { title: t('field.status'), dataIndex: 'active', render: (a: boolean) => <ActiveTag active={a} /> },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, e: Expert) => (
        <ActiveActions
          row={e}
          writable={writable}
          onEdit={() => setEditing(e)}
          deactivateConfirm={t('action.deactivate') + ' ' + e.name}
          setActive={setActive}
        />
      ),
    },
  ];
  return (
    <ListPage<Expert, Filters>
      title={t('menu.experts')}
      create={writable && { label: t('ilib.createExpert'), onClick: () => setEditing(null) }}
      testId="expert"
      table={table}
      query={query}
      searchPlaceholder={t('ilib.searchExperts')}
      filters={
        <>
          <Select
            allowClear
            placeholder={t('ilib.specialty')}
            style={{ width: 160 }}
            value={table.state.filters.specialty}
            onChange={(specialty) => table.setFilter({ specialty })}
            options={specialties}
          />
          <Select
            allowClear
            placeholder={t('ilib.firm')}
            style={{ width: 220 }}
            value={table.state.filters.firmId}
            onChange={(firmId) => table.setFilter({ firmId })}
            options={firms}
          />
          <Select
            allowClear
            placeholder={t('field.status')}
            style={{ width: 120 }}
            value={table.state.filters.active}
            onChange={(active) => table.setFilter({ active })}
            options={[
              { value: true, label: t('common.activated') },
              { value: false, label: t('common.deactivated') },
            ]}
          />
          <ImportExport
            resource="experts"
            params={{ ...table.state.filters, q: table.state.q || undefined }}
            fileName="专家库"
            regionCode={me.regionCode}
            writable={writable}
          />
        </>
      }
      columns={columns}
    >
      {editing !== undefined && (
        <ExpertForm
          editing={editing}
          specialties={specialties}
          firms={firms}
          onClose={() => setEditing(undefined)}
        />
      )}
    </ListPage>
  );
}

/** 可用时段 as typed: one window a line, "from~to". */
const parseWindows = (s: string | undefined) =>
  (s ?? '')
    .split(/[\n;；]/)
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => {
      const [from = '', to = ''] = x.split(/\s*[~～至]\s*/);
      return { from, to };
    });

function ExpertForm(props: {
  editing: Expert | null;
  specialties: { value: string; label: string }[];
  firms: { value: number; label: string }[];
  onClose: () => void;
}) {
  const { editing, onClose } = props;
  const t = useT();
  const me = useMe();
  const { form, z, zc, submit, saving } = useLibraryForm({
    editing,
    hooks: expertHooks,
    create: expertCreate,
    update: expertUpdate,
    onClose,
    toBody: (v) => ({
      ...v,
      availability: parseWindows(v.availability as string | undefined),
      active: undefined,
    }),
  });

  const initial = editing
    ? {
        ...editing,
        availability: editing.availability.map((w) => `${w.from}~${w.to}`).join('\n'),
        phone: me.role === 'leader' ? undefined : editing.phone,
      }
    : { regionCode: me.regionCode };
  return (
    <FormDrawer
      title={editing ? t('ilib.editExpert') : t('ilib.createExpert')}
      size={560}
      onClose={onClose}
      onSave={submit}
      saving={saving}
      testId="expert-save"
    >
      <Form form={form} layout="vertical" initialValues={initial}>
        {!editing && (
          <Form.Item name="regionCode" label={t('field.region')} {...zc.item('regionCode')}>
            <RegionSelect />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('ilib.expertName')} {...z.item('name')}>
          <Input maxLength={40} data-testid="expert-name" />
        </Form.Item>
        <Form.Item name="specialty" label={t('ilib.specialty')} {...z.item('specialty')}>
          <Select options={props.specialties} data-testid="expert-specialty" />
        </Form.Item>
        <Form.Item name="title" label={t('ilib.titleOf')}>
          <Input maxLength={40} placeholder="高级工程师" />
        </Form.Item>
        <Form.Item name="employer" label={t('ilib.employer')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="employerUnitId" label={t('ilib.employerUnit')}>
          <UnitSelect
            placeholder={t('common.none')}
            initialOptions={optionOf(editing?.employerUnitId, editing?.employerUnit)}
          />
        </Form.Item>
        <Form.Item name="firmId" label={t('ilib.firm')}>
          <Select allowClear options={props.firms} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} {...z.item('phone')}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="availability" label={t('ilib.availability')} extra={t('ilib.availabilityHint')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="conflictNote" label={t('ilib.conflictNote')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {editing && (
          <Form.Item label={t('field.status')}>
            <Switch disabled checked={editing.active} />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
