// The problems of an import's dry run, by row and column (the 责任分解表 and the 月度信息报表 alike).
import { Table, Typography } from 'antd';
import type { ImportError } from '@ducha/contract';
import { useT } from '../app/i18n.tsx';

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
