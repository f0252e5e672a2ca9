// 企业名录: the directory of agent-builders, contractors and supervisors with filters (kind, class,
// specialty, status), the export (名录), admission and edits, and the status dialog.
import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Select, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  enterpriseGradeLabels,
  enterpriseGrades,
  enterpriseKindLabels,
  enterpriseKinds,
  enterpriseStatusLabels,
  enterpriseStatuses,
  type Enterprise,
  type EnterpriseGrade,
  type EnterpriseKind,
  type EnterpriseStatus,
} from '@ducha/contract';
import { downloadFile } from '../../../api/projects.ts';
import { useEnterprises } from '../../../api/credit.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { ListPage } from '../../../components/ListPage.tsx';
import { DictSelect } from '../../../components/pickers.tsx';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { statusColors, statusTargets } from './creditView.ts';
import { EnterpriseForm, StatusModal } from './EnterpriseForms.tsx';

type Filters = {
  kind?: EnterpriseKind;
  grade?: EnterpriseGrade;
  specialty?: string;
  status?: EnterpriseStatus;
};

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/** The office and the admin keep the directory (the server checks the region). */
export function useKeepsCredit() {
  const me = useMe();
  return useCan()('score.write') && (me.role === 'office' || me.role === 'admin');
}

export default function EnterprisesPage() {
  const t = useT();
  const me = useMe();
  const writable = useKeepsCredit();
  const onError = useApiError();
  const { message } = App.useApp();
  const table = useTableState<Filters>({});
  const query = useEnterprises(table.params);
  const [editing, setEditing] = useState<Enterprise | null | undefined>(undefined);
  const [changing, setChanging] = useState<Enterprise | null>(null);
  const f = table.state.filters;

  const exportExcel = () =>
    downloadFile('/api/enterprises.xlsx', { ...f, q: table.state.q || undefined }, '企业名录.xlsx')
      .then(() => message.success(t('credit.exported')))
      .catch((e) => onError(e));

  const columns = [
    {
      title: t('field.name'),
      dataIndex: 'unitName',
      render: (name: string, e: Enterprise) => (
        <Link to={`/assessment/credit/enterprises/${e.id}`} data-testid={`enterprise-link-${e.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t('credit.kind'), dataIndex: 'kind', render: (k: EnterpriseKind) => enterpriseKindLabels[k] },
    {
      title: t('credit.grade'),
      dataIndex: 'grade',
      render: (g: EnterpriseGrade | null) => (g ? enterpriseGradeLabels[g] : '-'),
    },
    {
      title: t('credit.specialties'),
      dataIndex: 'specialties',
      render: (s: string[]) => s.join('、') || '-',
    },
    {
      title: t('credit.status'),
      dataIndex: 'status',
      render: (s: EnterpriseStatus) => <Tag color={statusColors[s]}>{enterpriseStatusLabels[s]}</Tag>,
    },
    { title: t('credit.admittedOn'), dataIndex: 'admittedOn' },
    { title: t('credit.goodRecords'), dataIndex: 'goodRecords' },
    { title: t('credit.badRecords'), dataIndex: 'badRecords' },
    { title: t('credit.latestScore'), dataIndex: 'latestScore', render: (s: string | null) => s ?? '-' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, e: Enterprise) =>
        writable && (
          <Space>
            <a onClick={() => setEditing(e)} data-testid={`enterprise-edit-${e.id}`}>
              {t('action.edit')}
            </a>
            {statusTargets(e.status, me.role).length > 0 && (
              <a onClick={() => setChanging(e)} data-testid={`enterprise-status-${e.id}`}>
                {t('credit.changeStatus')}
              </a>
            )}
          </Space>
        ),
    },
  ];
  return (
    <ListPage<Enterprise, Filters>
      title={t('menu.enterprises')}
      create={writable && { label: t('credit.admit'), onClick: () => setEditing(null) }}
      testId="enterprise"
      table={table}
      query={query}
      searchPlaceholder={t('credit.search')}
      filters={
        <Space wrap>
          <Select
            allowClear
            placeholder={t('credit.kind')}
            style={{ minWidth: 120 }}
            value={f.kind}
            options={options(enterpriseKinds, enterpriseKindLabels)}
            onChange={(kind) => table.setFilter({ kind })}
          />
          <Select
            allowClear
            placeholder={t('credit.grade')}
            style={{ minWidth: 100 }}
            value={f.grade}
            options={options(enterpriseGrades, enterpriseGradeLabels)}
            onChange={(grade) => table.setFilter({ grade })}
          />
          <DictSelect
            kind="enterprise_specialty"
            placeholder={t('credit.specialties')}
            value={f.specialty}
            onChange={(v) => table.setFilter({ specialty: (v as string | undefined) ?? undefined })}
          />
          <Select
            allowClear
            placeholder={t('credit.status')}
            style={{ minWidth: 110 }}
            value={f.status}
            options={options(enterpriseStatuses, enterpriseStatusLabels)}
            onChange={(status) => table.setFilter({ status })}
          />
          <Button icon={<DownloadOutlined />} onClick={exportExcel} data-testid="enterprise-export">
            {t('credit.export')}
          </Button>
        </Space>
      }
      columns={columns}
    >
      {editing !== undefined && <EnterpriseForm editing={editing} onClose={() => setEditing(undefined)} />}
      {changing && <StatusModal firm={changing} onClose={() => setChanging(null)} />}
    </ListPage>
  );
}
