// 稽察项目 / 我的稽察: the inspections in the user's scope (an expert's or inspector's: those it is a
// member of), filtered by status; the office creates one by hand here (a draw creates the others).
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Form, Select, Tag } from 'antd';
import { inspectionKinds, inspectionStatuses, type InspectionStatus } from '@ducha/contract';
import { useList } from '../../../api/resource.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { useLabels } from '../../../app/labels.ts';
import { DateInput } from '../../../components/DateInput.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { ProjectSelect } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { useCreateInspection, useInspections, type InspectionSummary } from './api.ts';

type Filters = { status?: InspectionStatus; mine?: 'true' };

export const statusColor: Record<InspectionStatus, string> = {
  planned: 'default',
  noticed: 'blue',
  on_site: 'geekblue',
  draft_report: 'orange',
  opinion_received: 'gold',
  formal_report: 'purple',
  rectifying: 'red',
  rechecking: 'volcano',
  archived: 'green',
};
export function InspectionStatusTag({ status }: { status: InspectionStatus }) {
  const L = useLabels();
  return (
    <Tag color={statusColor[status]} data-testid="inspection-status">
      {L.inspectionStatus(status)}
    </Tag>
  );
}

/** The library's people to pick (the library's lists, /api/experts and /api/inspectors). */
function useMembers(resource: 'experts' | 'inspectors') {
  const { data } = useList<{ id: number; name: string; specialty?: string; role?: string }>(resource, {
    pageSize: 500,
  });
  return (data?.items ?? []).map((m) => ({
    value: m.id,
    label: [m.name, m.specialty ?? m.role].filter(Boolean).join(' · '),
  }));
}

function CreateDrawer({ onClose }: { onClose: (id?: number) => void }) {
  const t = useT();
  const L = useLabels();
  const [form] = Form.useForm();
  const save = useCreateInspection();
  const onError = useApiError();
  const experts = useMembers('experts');
  const inspectors = useMembers('inspectors');
  const submit = async () => {
    const v = await form.validateFields();
    save.mutate(v, { onSuccess: (d) => onClose(d.inspection.id), onError: (e) => onError(e, form) });
  };
  return (
    <FormDrawer
      title={t('insp.create')}
      onClose={() => onClose()}
      onSave={submit}
      saving={save.isPending}
      testId="inspection-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'special', expertIds: [], inspectorIds: [] }}
      >
        <Form.Item name="projectId" label={t('insp.project')} rules={[{ required: true }]}>
          <ProjectSelect />
        </Form.Item>
        <Form.Item name="kind" label={t('insp.kind')}>
          <Select options={inspectionKinds.map((k) => ({ value: k, label: L.inspectionKind(k) }))} />
        </Form.Item>
        <Form.Item name="siteOn" label={t('insp.siteOn')}>
          <DateInput />
        </Form.Item>
        <Form.Item name="leaderInspectorId" label={t('insp.leader')}>
          <Select allowClear options={inspectors} />
        </Form.Item>
        <Form.Item name="expertIds" label={t('insp.experts')}>
          <Select mode="multiple" options={experts} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="inspectorIds" label={t('insp.inspectors')}>
          <Select mode="multiple" options={inspectors} optionFilterProp="label" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

export default function InspectionsPage() {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const mine = useLocation().pathname.endsWith('/mine');
  const table = useTableState<Filters>(mine ? { mine: 'true' } : {});
  const query = useInspections(table.params);
  const [creating, setCreating] = useState(false);
  const office = me.role === 'office' || me.role === 'admin';
  const columns = [
    {
      title: t('insp.code'),
      dataIndex: 'code',
      render: (code: string, r: InspectionSummary) => (
        <Link to={`/inspections/${r.id}`} data-testid={`inspection-link-${r.id}`}>
          {code}
        </Link>
      ),
    },
    { title: t('insp.project'), dataIndex: 'projectName' },
    {
      title: t('insp.kind'),
      dataIndex: 'kind',
      render: (k: InspectionSummary['kind']) => L.inspectionKind(k),
    },
    { title: t('insp.theme'), dataIndex: 'themeName', render: (v: string | null) => v ?? '—' },
    { title: t('insp.unit'), dataIndex: 'inspectedUnit' },
    { title: t('insp.siteOn'), dataIndex: 'siteOn', render: (v: string | null) => v ?? '—' },
    { title: t('insp.problems'), dataIndex: 'problems' },
    {
      title: t('insp.status'),
      dataIndex: 'status',
      render: (s: InspectionStatus) => <InspectionStatusTag status={s} />,
    },
  ];
  return (
    <ListPage<InspectionSummary, Filters>
      title={mine ? t('insp.mine') : t('insp.list')}
      create={office && !mine && { label: t('insp.create'), onClick: () => setCreating(true) }}
      testId="inspection"
      table={table}
      query={query}
      searchPlaceholder={t('insp.search')}
      filters={
        <Select
          allowClear
          placeholder={t('insp.status')}
          style={{ width: 160 }}
          value={table.state.filters.status}
          onChange={(v) => table.setFilter({ status: v })}
          options={inspectionStatuses.map((s) => ({ value: s, label: L.inspectionStatus(s) }))}
        />
      }
      columns={columns}
    >
      {creating && (
        <CreateDrawer
          onClose={(id) => {
            setCreating(false);
            if (id) void navigate(`/inspections/${id}`);
          }}
        />
      )}
    </ListPage>
  );
}
