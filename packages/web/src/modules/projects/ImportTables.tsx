// Tables of the import wizard: the template's columns, row-level errors, and the dry run's preview.
import { Space, Statistic, Table, Tag } from 'antd';
import { importColumns, type ImportResult } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { ErrorTable, columnLabel } from '../../components/ImportErrorTable.tsx';

// the error table is shared with the monthly reports' import
export { ErrorTable, columnLabel };

type PreviewRow = ImportResult['preview'][number];

export function ColumnsTable() {
  const t = useT();
  return (
    <Table
      rowKey="key"
      size="small"
      pagination={false}
      scroll={{ y: 320 }}
      dataSource={[...importColumns]}
      columns={[
        { title: t('import.column'), dataIndex: 'header', width: 200 },
        {
          title: t('import.required'),
          dataIndex: 'required',
          width: 80,
          render: (v: boolean) => (v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')),
        },
        { title: t('import.note'), dataIndex: 'note', render: (v?: string) => v ?? '' },
      ]}
    />
  );
}

const actionColors: Record<PreviewRow['action'], string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'default',
};

export function PreviewTable({ preview }: { preview: PreviewRow[] }) {
  const t = useT();
  return (
    <Table<PreviewRow>
      rowKey="row"
      size="small"
      data-testid="import-preview"
      dataSource={preview}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70 },
        { title: t('project.code'), dataIndex: 'code', width: 160 },
        { title: t('project.name'), dataIndex: 'name' },
        {
          title: t('import.action'),
          dataIndex: 'action',
          width: 100,
          render: (a: PreviewRow['action']) => <Tag color={actionColors[a]}>{t(`import.action.${a}`)}</Tag>,
        },
      ]}
    />
  );
}

export function Counts({ result }: { result: ImportResult }) {
  const t = useT();
  return (
    <Space size="large" wrap style={{ marginBottom: 16 }}>
      <Statistic title={t('import.rows')} value={result.rows} />
      <Statistic
        title={t('import.action.create')}
        value={result.created}
        styles={{ content: { color: '#389e0d' } }}
      />
      <Statistic
        title={t('import.action.update')}
        value={result.updated}
        styles={{ content: { color: '#1f5fbf' } }}
      />
      <Statistic title={t('import.action.unchanged')} value={result.unchanged} />
      <Statistic
        title={t('import.errors')}
        value={result.errors.length}
        styles={{ content: { color: result.errors.length ? '#cf1322' : undefined } }}
      />
    </Space>
  );
}
