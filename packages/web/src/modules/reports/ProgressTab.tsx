// 亮灯与投资 tab: monthly planned vs done (bars), cumulative lines, and the light of each month as a strip.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Empty, Select, Skeleton, Space, Typography } from 'antd';
import type { Project } from '@ducha/contract';
import { useProgress, type ProgressRow } from '../../api/reports.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { lightHex, useReasonText } from '../../components/LightTag.tsx';
import { formatMoney } from '../../components/money.ts';
import { useYearOptions } from './ProjectReportsTab.tsx';
import { formatPercent, monthOf, thisMonth } from '../../components/period.ts';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function ProgressTab({ p }: { p: Project }) {
  const t = useT();
  const L = useLabels();
  const reasonText = useReasonText();
  const navigate = useNavigate();
  const [year, setYear] = useState(Number(thisMonth().slice(0, 4)));
  const years = useYearOptions(p);
  const progress = useProgress(p.id, year);

  const option = useMemo<ChartOption | null>(() => {
    const rows = progress.data;
    if (!rows?.length) return null;
    const months = rows.map((r) => t('plan.monthN', { m: r.month }));
    const names = {
      planned: t('progress.planned'),
      done: t('progress.done'),
      plannedToDate: t('progress.plannedToDate'),
      doneToDate: t('progress.doneToDate'),
    };
    const money = (v: string | null) => (v === null ? null : Number(v));
    // what was done stops at the last month closed or reported: the months after it have no facts
    // yet, and a flat line to December would read as a stop in the works
    const last = rows.reduce((k, r, i) => (r.color !== null || r.done !== null ? i : k), -1);
    const tooltip = (i: number) => {
      const r = rows[i];
      if (!r) return '';
      const lines = [
        `<b>${esc(months[i] ?? '')}</b>`,
        `${esc(names.planned)}：${formatMoney(r.planned)}&emsp;${esc(names.done)}：${formatMoney(r.done)}`,
        `${esc(names.plannedToDate)}：${formatMoney(r.plannedToDate)}&emsp;${esc(names.doneToDate)}：${formatMoney(r.doneToDate)}`,
        `${esc(t('light.paceRatio'))}：${formatPercent(r.paceRatio)}`,
        `${esc(t('progress.light'))}：${r.color ? esc(L.light(r.color)) : esc(t('progress.noLight'))}`,
        ...r.reasons.map((x) => `· ${esc(reasonText(x))}`),
      ];
      return lines.join('<br/>');
    };
    const axisSeries = (name: string, type: 'bar' | 'line', key: keyof ProgressRow, yAxisIndex = 0) => ({
      name,
      type,
      yAxisIndex,
      data: rows.map((r, i) =>
        (key === 'done' || key === 'doneToDate') && i > last ? null : money(r[key] as string | null),
      ),
      ...(type === 'line' ? { smooth: false, symbolSize: 6 } : {}),
    });
    return {
      color: ['#91caff', '#1f5fbf', '#faad14', '#13a8a8'],
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (params: unknown) => tooltip((params as { dataIndex: number }[])[0]?.dataIndex ?? 0),
      },
      legend: { top: 0, data: Object.values(names) },
      grid: [
        { left: 70, right: 80, top: 40, height: 230 },
        { left: 70, right: 80, top: 300, height: 26 },
      ],
      xAxis: [
        { type: 'category', data: months, gridIndex: 0 },
        {
          type: 'category',
          data: months,
          gridIndex: 1,
          axisLine: { show: false },
          axisTick: { show: false },
          axisLabel: { show: false },
        },
      ],
      yAxis: [
        { type: 'value', name: t('progress.monthAxis'), gridIndex: 0 },
        { type: 'value', name: t('progress.cumulativeAxis'), gridIndex: 0, splitLine: { show: false } },
        { type: 'value', gridIndex: 1, max: 1, show: false },
      ],
      series: [
        axisSeries(names.planned, 'bar', 'planned'),
        axisSeries(names.done, 'bar', 'done'),
        axisSeries(names.plannedToDate, 'line', 'plannedToDate', 1),
        axisSeries(names.doneToDate, 'line', 'doneToDate', 1),
        {
          name: t('progress.light'),
          type: 'bar',
          xAxisIndex: 1,
          yAxisIndex: 2,
          barCategoryGap: '6%',
          data: rows.map((r) => ({
            value: 1,
            itemStyle: { color: r.color ? lightHex[r.color] : '#f0f0f0' },
          })),
        },
      ],
    } as ChartOption;
  }, [progress.data, t, L, reasonText]);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('period.year')}</Typography.Text>
        <Select value={year} onChange={setYear} options={years} style={{ width: 120 }} />
        <Typography.Text type="secondary">{t('progress.help')}</Typography.Text>
      </Space>
      {progress.error ? (
        <Alert type="error" showIcon title={progress.error.message} />
      ) : progress.isLoading ? (
        <Skeleton active />
      ) : !option ? (
        <Empty description={t('progress.empty')} />
      ) : (
        <Chart
          option={option}
          height={350}
          testId="progress-chart"
          onItemClick={({ dataIndex }) => {
            const month = monthOf(year, dataIndex + 1);
            if (month < thisMonth()) navigate(`/projects/${p.id}/reports/${month}`);
          }}
        />
      )}
    </>
  );
}
