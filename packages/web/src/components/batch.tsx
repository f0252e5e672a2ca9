// Row selection and batch actions on a list: the selection (kept across pages), the bar above the
// table (已选 N 项, the page's actions, 取消选择), and the answer of a batch: a success message when
// every record was done, else a dialog listing each refused record with why.
import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Space, Table, Typography, type TableProps } from 'antd';
import type { BatchOutcome, BatchResult } from '@ducha/contract';
import { useT } from '../app/i18n.tsx';

type RowSelection<T> = NonNullable<TableProps<T>['rowSelection']>;

/**
 * The rows a user ticked, kept across pages and filters until cleared: `rowSelection` goes to the
 * table; `selected` are the rows as they were read (with their versions).
 */
export function useRowSelection<T extends { id: number }>(opts: { disabled?: (row: T) => boolean } = {}) {
  const [selected, setSelected] = useState<ReadonlyMap<number, T>>(new Map());
  const rowSelection: RowSelection<T> = {
    selectedRowKeys: [...selected.keys()],
    preserveSelectedRowKeys: true,
    onChange: (keys, rows) =>
      setSelected((prev) => {
        const next = new Map<number, T>();
        for (const k of keys) {
          const id = Number(k);
          const row = rows.find((r) => r?.id === id) ?? prev.get(id);
          if (row) next.set(id, row);
        }
        return next;
      }),
    getCheckboxProps: (row: T) => ({ disabled: opts.disabled?.(row) ?? false }),
  };
  return {
    rowSelection,
    selected: [...selected.values()],
    count: selected.size,
    clear: () => setSelected(new Map()),
  };
}

/** The bar above a table while rows are selected: the count, the page's batch actions, 取消选择. */
export function BatchBar({
  count,
  onClear,
  children,
  testId,
}: {
  count: number;
  onClear: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const t = useT();
  if (count === 0) return null;
  return (
    <Alert
      type="info"
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={
        <Space wrap>
          <Typography.Text strong>{t('batch.selected', { n: count })}</Typography.Text>
          {children}
          <Button type="link" onClick={onClear}>
            {t('batch.clear')}
          </Button>
        </Space>
      }
    />
  );
}

/** The refused records of a batch with why (the error's first detail, else its message). */
export function BatchRefusals({
  results,
  label,
}: {
  results: readonly BatchOutcome[];
  label: (id: number) => ReactNode;
}) {
  const t = useT();
  const refused = results.filter((r) => !r.ok);
  return (
    <Table<BatchOutcome>
      rowKey="id"
      size="small"
      data-testid="batch-refused"
      dataSource={refused}
      pagination={refused.length > 10 ? { pageSize: 10, hideOnSinglePage: true } : false}
      columns={[
        { title: t('batch.record'), key: 'record', render: (_: unknown, r) => label(r.id) },
        {
          title: t('batch.reason'),
          key: 'reason',
          render: (_: unknown, r) =>
            r.error?.details.map((d) => d.message).join('；') || r.error?.message || '',
        },
      ]}
    />
  );
}

/**
 * Tells the user how a batch went: `done` (a message) when every record was done, else a dialog
 * with the count and the refused records. Returns the result for chaining.
 */
export function useBatchFeedback() {
  const t = useT();
  const { message, modal } = App.useApp();
  return <R extends BatchResult>(result: R, o: { done: string; label: (id: number) => ReactNode }): R => {
    if (result.refused === 0) {
      void message.success(o.done);
      return result;
    }
    if (result.done > 0) void message.success(o.done);
    modal.warning({
      title: t('batch.partialTitle', { done: result.done, refused: result.refused }),
      width: 720,
      okText: t('batch.ok'),
      content: (
        <>
          <Typography.Paragraph type="secondary">{t('batch.refusedHelp')}</Typography.Paragraph>
          <BatchRefusals results={result.results} label={o.label} />
        </>
      ),
    });
    return result;
  };
}
