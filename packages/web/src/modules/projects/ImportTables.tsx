// Tables of the import wizard: the template's columns, row-level errors, and the dry run's preview.
import { Space, Statistic, Table, Tag, Typography } from 'antd';
import { importColumns, type ImportError, type ImportResult } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';

type PreviewRow = ImportResult['preview'][number];

/** A group of columns (the twelve months) as one range: 1–12月计划(万元). */
export function columnLabel(e: Pick<ImportError, 'column' | 'columns'>): string {
  const cols = e.columns;
  if (!cols || cols.length < 2) return e.column;
  const first = cols[0]!;
  const last = cols[cols.length - 1]!;
  let n = 0;
  while (n < first.length && n < last.length && first.at(-1 - n) === last.at(-1 - n)) n++;
  const suffix = first.slice(first.length - n);
  return `${first.slice(0, first.length - n)}–${last.slice(0, last.length - n)}${suffix}`;
}

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

export function ErrorTable({ errors }: { errors: ImportError[] }) {
  const t = useT();
  return (
    <Table<ImportError & { key: number }>
      rowKey="key"
      size="small"
      data-testid="import-errors"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 70, sorter: (a, b) => a.row - b.row },
        {
          title: t('import.column'),
          dataIndex: 'column',
          width: 180,
          render: (_: string, e: ImportError) => columnLabel(e),
        },
        {
          title: t('import.value'),
          dataIndex: 'value',
          width: 200,
          ellipsis: true,
          render: (v: string | null) =>
            v === null || v === '' ? (
              <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
            ) : (
              v
            ),
        },
        {
          title: t('import.problem'),
          dataIndex: 'message',
          render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text>,
        },
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
