// 督办统计: close-out rate, on-time response rate, median days to close, overdue and listed counts, by a
// dimension and a year; a bar chart of the close-out rate.
import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Segmented, Select, Space, Table } from 'antd';
import { itemIndicatorDimensions, type ItemIndicatorRow } from '@ducha/contract';
import { useItemIndicators, type ItemDimension } from '../../api/items.ts';
import { useT } from '../../app/i18n.tsx';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import type { MsgKey } from '../../app/messages/zh.ts';
import { formatPercent, thisMonth } from '../../components/period.ts';

const num = { align: 'right' as const };
const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

export default function IndicatorsPage() {
  const t = useT();
  const now = Number(thisMonth().slice(0, 4));
  const [by, setBy] = useState<ItemDimension>('unit');
  const [year, setYear] = useState(now);
  const query = useItemIndicators(by, year);
  const rows = useMemo(() => query.data ?? [], [query.data]);
  const pct = (v: number | null) => <span style={tabular}>{formatPercent(v)}</span>;

  const chart = useMemo<ChartOption | null>(() => {
    const data = rows.filter((r) => r.closeRate !== null);
    if (!data.length) return null;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => formatPercent(Number(v) / 100) },
      grid: { left: 50, right: 20, top: 20, bottom: 80 },
      xAxis: {
        type: 'category',
        data: data.map((r) => r.label),
        axisLabel: { interval: 0, rotate: data.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('itemInd.chart'),
          type: 'bar',
          color: '#1f5fbf',
          data: data.map((r) => Math.round((r.closeRate ?? 0) * 1000) / 10),
        },
      ],
    };
  }, [rows, t]);

  return (
    <Space vertical size={16} style={{ width: '100%' }}>
      <Card title={t('menu.itemIndicators')} variant="borderless">
        <Space wrap style={{ marginBottom: 16 }}>
          <Segmented<ItemDimension>
            value={by}
            onChange={setBy}
            options={itemIndicatorDimensions.map((d) => ({
              value: d,
              label: t(`itemInd.by.${d}` as MsgKey),
            }))}
            data-testid="item-ind-by"
          />
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 120 }}
            options={[now, now - 1, now - 2].map((y) => ({
              value: y,
              label: t('project.yearN', { year: y }),
            }))}
            data-testid="item-ind-year"
          />
        </Space>
        {query.error && (
          <Alert type="error" showIcon title={query.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<ItemIndicatorRow>
          rowKey="key"
          size="small"
          loading={query.isFetching}
          dataSource={rows}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('itemInd.empty') }}
          data-testid="item-ind-table"
          columns={[
            { title: t('itemInd.label'), dataIndex: 'label', fixed: 'left' },
            { title: t('itemInd.total'), dataIndex: 'total', ...num },
            { title: t('itemInd.closed'), dataIndex: 'closed', ...num },
            { title: t('itemInd.closeRate'), dataIndex: 'closeRate', ...num, render: pct },
            { title: t('itemInd.responded'), dataIndex: 'responded', ...num },
            { title: t('itemInd.onTimeResponseRate'), dataIndex: 'onTimeResponseRate', ...num, render: pct },
            {
              title: t('itemInd.medianDaysToClose'),
              dataIndex: 'medianDaysToClose',
              ...num,
              render: (v: number | null) => (v === null ? '-' : Math.round(v * 10) / 10),
            },
            { title: t('itemInd.open'), dataIndex: 'open', ...num },
            {
              title: t('itemInd.overdue'),
              dataIndex: 'overdue',
              ...num,
              render: (v: number) => <span style={{ color: v > 0 ? '#cf1322' : undefined }}>{v}</span>,
            },
            { title: t('itemInd.listed'), dataIndex: 'listed', ...num },
          ]}
        />
      </Card>
      <Card title={t('itemInd.chart')} variant="borderless">
        {chart ? <Chart option={chart} height={320} testId="item-ind-chart" /> : <Empty />}
      </Card>
    </Space>
  );
}
