// 稽察统计: per theme and year, inspections, problems, suggestions, reports and the rectification rate, with totals and export.
import { useState } from 'react';
import { App, Button, InputNumber, Space, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { FiguresRow } from '@ducha/contract';
import { downloadFile } from '../../../api/projects.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { useFigures } from './api.ts';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

export default function FiguresPage() {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const params = { year, regionCode: me.regionCode ?? undefined };
  const figures = useFigures(params);
  const rows = figures.data
    ? [
        ...figures.data.rows.map((r, i) => ({ ...r, key: String(i) })),
        { ...figures.data.total, key: 'total', theme: t('ilib.fig.total') },
      ]
    : [];
  const n = (k: keyof FiguresRow) => ({
    title: t(`ilib.fig.${k}` as 'ilib.fig.done'),
    dataIndex: k,
    align: 'right' as const,
  });
  const columns = [
    { title: t('ilib.fig.theme'), dataIndex: 'theme', render: (v: string | null) => v ?? t('ilib.fig.none') },
    n('inspections'),
    n('done'),
    n('problems'),
    n('suggestions'),
    n('reports'),
    n('rectifications'),
    n('rectified'),
    { title: t('ilib.fig.rate'), dataIndex: 'rectificationRate', align: 'right' as const, render: pct },
  ];
  const exportXlsx = () =>
    downloadFile('/api/inspection-figures/export.xlsx', params, `${year}年稽察统计.xlsx`).catch((e: Error) =>
      message.error(e.message),
    );
  return (
    <PageCard
      title={t('menu.inspectionFigures')}
      extra={
        <Space>
          <InputNumber
            value={year}
            min={2000}
            max={2100}
            onChange={(v) => v && setYear(v)}
            addonBefore={t('ilib.year')}
          />
          <Button icon={<DownloadOutlined />} onClick={exportXlsx} data-testid="figures-export">
            {t('ilib.export')}
          </Button>
        </Space>
      }
    >
      <Table
        rowKey="key"
        size="middle"
        loading={figures.isFetching}
        pagination={false}
        columns={columns}
        dataSource={rows}
      />
    </PageCard>
  );
}
