// One dimension of a month close's indicators: counts, money with separators, and the rates as percentages.
import { Table } from 'antd';
import type { IndicatorRow } from '@ducha/contract';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { formatMoney } from '../../components/money.ts';
import { formatPercent } from '../../components/period.ts';
import { lightHex } from '../../components/LightTag.tsx';

const num = { align: 'right' as const };
const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

export function IndicatorTable({
  rows,
  testId,
  label,
}: {
  rows: IndicatorRow[];
  testId?: string;
  /** how a row is named (a sector's label in the UI's language); default the stored label */
  label?: (row: IndicatorRow) => string;
}) {
  const t = useT();
  const L = useLabels();
  const money = (v: string) => <span style={tabular}>{formatMoney(v)}</span>;
  const pct = (v: number | null) => <span style={tabular}>{formatPercent(v)}</span>;
  const count = (c: 'green' | 'yellow' | 'red') => ({
    title: <span style={{ color: lightHex[c] }}>{L.light(c)}</span>,
    dataIndex: c,
    ...num,
  });
  return (
    <Table<IndicatorRow>
      rowKey="key"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      columns={[
        {
          title: t('ind.label'),
          dataIndex: 'label',
          fixed: 'left',
          render: (v: string, r: IndicatorRow) => (label ? label(r) : v),
        },
        { title: t('ind.projects'), dataIndex: 'projects', ...num },
        { title: t('ind.plannedToStart'), dataIndex: 'plannedToStart', ...num },
        { title: t('ind.started'), dataIndex: 'started', ...num },
        { title: t('ind.startRate'), dataIndex: 'startRate', ...num, render: pct },
        { title: t('ind.annualPlan'), dataIndex: 'annualPlan', ...num, render: money },
        { title: t('ind.plannedToDate'), dataIndex: 'plannedToDate', ...num, render: money },
        { title: t('ind.doneToDate'), dataIndex: 'doneToDate', ...num, render: money },
        { title: t('ind.annualRatio'), dataIndex: 'annualRatio', ...num, render: pct },
        { title: t('ind.paceRatio'), dataIndex: 'paceRatio', ...num, render: pct },
        count('green'),
        count('yellow'),
        count('red'),
        { title: t('ind.normalRate'), dataIndex: 'normalRate', ...num, render: pct },
      ]}
    />
  );
}
