// 考核方案 (issue 15): the schemes by region and year with their revision and status; the office
// creates a year's scheme from the default (seeds 002–004) and opens one in the editor.
import { useState } from 'react';
import { App, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { schemeCreate, schemeStatuses, type SchemeSummary } from '@ducha/contract';
import { useCreateScheme, useSchemes } from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { FormDrawer } from '../../../components/FormDrawer.tsx';
import { RegionFilter } from '../../../components/ListFilters.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { formatDateTime, todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { zodForm } from '../../../components/zodForm.ts';
import { managerRoles } from './logic.ts';
import { useScoreLabels } from './parts.tsx';

type Filters = {
  regionCode?: string;
  year?: number;
  status?: string;
};

const statusColor = { draft: 'gold', active: 'green', retired: 'default' } as const;

export default function SchemesPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const labels = useScoreLabels();
  const table = useTableState<Filters>({});
  const f = table.state.filters;
  const query = useSchemes(table.params);
  const [creating, setCreating] = useState(false);
  const office = can('score.write') && managerRoles.includes(me.role);
  const columns = [
    {
      title: t('score.schemeName'),
      dataIndex: 'name',
      render: (name: string, s: SchemeSummary) => (
        <Link to={`/scores/schemes/${s.id}`} data-testid={`scheme-link-${s.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('field.region'), dataIndex: 'regionName' },
    { title: t('score.year'), dataIndex: 'year' },
    { title: t('score.revision'), dataIndex: 'revision' },
    {
      title: t('field.status'),
      dataIndex: 'status',
      render: (s: SchemeSummary['status']) => (
        <Tag color={statusColor[s]}>{labels.of('schemeStatus', s)}</Tag>
      ),
    },
    { title: t('score.groupCount'), dataIndex: 'groups' },
    { title: t('score.unitCount'), dataIndex: 'units' },
    { title: t('score.activatedAt'), dataIndex: 'activatedAt', render: formatDateTime },
  ];
  return (
    <ListPage<SchemeSummary, Filters>
      title={t('menu.schemes')}
      testId="schemes"
      create={office && { label: t('score.schemeCreate'), onClick: () => setCreating(true) }}
      table={table}
      query={query}
      searchPlaceholder={t('score.schemeSearch')}
      filters={
        <Space wrap>
          <RegionFilter table={table} />
          <InputNumber
            value={f.year}
            min={2000}
            max={2100}
            placeholder={t('score.year')}
            onChange={(y) => table.setFilter({ year: y ?? undefined })}
            style={{ width: 90 }}
          />
          <Select<string>
            allowClear
            value={f.status}
            placeholder={t('field.status')}
            style={{ width: 110 }}
            onChange={(v) => table.setFilter({ status: v ?? undefined })}
            options={schemeStatuses.map((s) => ({ value: s, label: labels.of('schemeStatus', s) }))}
          />
        </Space>
      }
      columns={columns}
    >
      {creating && <SchemeCreateForm onClose={() => setCreating(false)} />}
    </ListPage>
  );
}

function SchemeCreateForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const create = useCreateScheme();
  const onError = useApiError();
  const zf = zodForm(schemeCreate, t('form.required'));
  const year = Number(todayInShanghai().slice(0, 4));
  const submit = async () => {
    const v = (await form.validateFields()) as Record<string, unknown>;
    const body = zf.parse(form, v);
    if (body)
      create.mutate(body, {
        onSuccess: (s) => {
          message.success(t('score.schemeCreated'));
          onClose();
          void navigate(`/scores/schemes/${s.id}`);
        },
        onError: (e) => onError(e, form),
      });
  };
  return (
    <FormDrawer
      title={t('score.schemeCreate')}
      onClose={onClose}
      onSave={submit}
      saving={create.isPending}
      testId="scheme-create-save"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          regionCode: me.regionCode ?? undefined,
          year,
          name: t('score.schemeDefaultName', { year }),
        }}
      >
        <Form.Item name="regionCode" label={t('field.region')} {...zf.item('regionCode')}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="year" label={t('score.year')} {...zf.item('year')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="name" label={t('score.schemeName')} {...zf.item('name')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="notes" label={t('score.notes')} {...zf.item('notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      <div style={{ color: '#888' }}>{t('score.schemeCreateHelp')}</div>
    </FormDrawer>
  );
}
