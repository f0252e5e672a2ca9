// 驾驶舱: the latest closed month's key rates, the lights (pie), investment by sector, and the red/yellow lists.
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert, Card, Col, Empty, Row, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { lightColors, type IndicatorRow, type Light, type LightColor } from '@ducha/contract';
import { useLatestClose, useLights } from '../../api/reports.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { Chart, type ChartOption } from '../../components/Chart.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { formatDateTime } from '../../components/format.ts';
import { lightHex, LightTag, useReasonText } from '../../components/LightTag.tsx';
import { formatYi, yiNumber } from '../../components/money.ts';
import { useDictLabel } from '../../components/pickers.tsx';
import { formatPercent, monthOf } from '../../components/period.ts';

function Rate({ title, value, detail }: { title: string; value: number | null; detail: string }) {
  return (
    <Card variant="borderless">
      <Statistic
        title={title}
        value={value === null ? '-' : (value * 100).toFixed(1)}
        suffix={value === null ? '' : '%'}
      />
      <Typography.Text type="secondary">{detail}</Typography.Text>
    </Card>
  );
}

/** The top ten projects of one colour, linking to each project's light history. */
function TopList({ color, month, regionCode }: { color: LightColor; month: string; regionCode?: string }) {
  const t = useT();
  const L = useLabels();
  const reasonText = useReasonText();
  const q = useLights({ month, color, regionCode, page: 1, pageSize: 10 });
  const region = regionCode ? `&regionCode=${regionCode}` : '';
  return (
    <Card
      variant="borderless"
      title={
        <Space>
          <LightTag color={color} />
          {t('dash.topList', { color: L.light(color) })}
        </Space>
      }
      extra={
        <Link to={`/lights?month=${month}&color=${color}${region}`}>
          {t('dash.all', { n: q.data?.total ?? 0 })}
        </Link>
      }
    >
      <Table<Light>
        rowKey="projectId"
        size="small"
        pagination={false}
        loading={q.isFetching}
        dataSource={q.data?.items}
        data-testid={`dash-${color}-list`}
        columns={[
          {
            title: t('field.name'),
            dataIndex: 'projectName',
            width: 200,
            render: (name: string, l) => <Link to={`/projects/${l.projectId}?tab=progress`}>{name}</Link>,
          },
          {
            title: t('light.reasons'),
            key: 'r',
            render: (_: unknown, l) =>
              l.reasons.length
                ? l.reasons.map((r, i) => (
                    <div key={i} style={{ fontSize: 12 }}>
                      {reasonText(r)}
                    </div>
                  ))
                : '-',
          },
          {
            title: t('light.paceRatio'),
            dataIndex: 'paceRatio',
            align: 'right',
            render: (v: number | null) => formatPercent(v),
          },
        ]}
      />
    </Card>
  );
}

export interface DashboardPageProps {
  /** Other modules' cards shown first (a leader's instructions). */
  cards?: ReactNode;
}

export default function DashboardPage({ cards }: DashboardPageProps) {
  const t = useT();
  const L = useLabels();
  const me = useMe();
  const navigate = useNavigate();
  const [regionCode, setRegionCode] = useState<string | undefined>(me.regionCode ?? undefined);
  const latest = useLatestClose(regionCode);
  const c = latest.data;
  const total: IndicatorRow | undefined = c?.indicators.total?.[0];
  const sectors = useMemo(() => c?.indicators.sector ?? [], [c]);
  const sectorLabel = useDictLabel('sector');

  const pie = useMemo<ChartOption | null>(() => {
    if (!total) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['36%', '62%'],
          label: { formatter: '{b}\n{c}' },
          data: lightColors.map((col) => ({
            name: L.light(col),
            value: total[col],
            itemStyle: { color: lightHex[col] },
          })),
        },
      ],
    };
  }, [total, L]);

  const bars = useMemo<ChartOption | null>(() => {
    if (!sectors.length) return null;
    const names = [t('ind.annualPlan'), t('ind.plannedToDate'), t('ind.doneToDate')];
    const keys = ['annualPlan', 'plannedToDate', 'doneToDate'] as const;
    return {
      color: ['#bfbfbf', '#91caff', '#1f5fbf'],
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${Number(v).toFixed(2)} 亿元` },
      legend: { top: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 40 },
      xAxis: {
        type: 'category',
        data: sectors.map((s) => sectorLabel(s.key)),
        axisLabel: { interval: 0 },
      },
      yAxis: { type: 'value' },
      // leaders read 亿元
      series: keys.map((k, i) => ({ name: names[i], type: 'bar', data: sectors.map((s) => yiNumber(s[k])) })),
    };
  }, [sectors, sectorLabel, t]);

  const month = c ? monthOf(c.year, c.month) : null;
  return (
    <Space vertical size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card variant="borderless">
        <Space wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('menu.dashboard')}
          </Typography.Title>
          <RegionSelect value={regionCode} onChange={setRegionCode} allowClear={false} />
          {c && (
            <>
              <Typography.Text>{t('dash.month', { year: c.year, m: c.month })}</Typography.Text>
              <Tag color={c.status === 'published' ? 'success' : 'processing'}>
                {t(c.status === 'published' ? 'close.status.published' : 'close.status.computed')}
              </Tag>
              <Typography.Text type="secondary">
                {t('close.computedAt')} {formatDateTime(c.computedAt)}
              </Typography.Text>
              {c.closedByRegion !== c.regionCode && (
                <Typography.Text type="secondary" data-testid="dash-closed-by">
                  {t('dash.closedBy', { region: c.closedByRegionName })}
                </Typography.Text>
              )}
            </>
          )}
        </Space>
      </Card>
      {cards}
      {latest.error ? (
        <Alert type="error" showIcon title={latest.error.message} />
      ) : latest.isLoading ? (
        <Skeleton active />
      ) : !c || !total || !month ? (
        <Card variant="borderless">
          <Empty description={t('dash.noClose')} />
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={12} xl={6}>
              <Rate
                title={t('ind.startRate')}
                value={total.startRate}
                detail={t('dash.startDetail', { started: total.started, planned: total.plannedToStart })}
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Rate
                title={t('ind.annualRatio')}
                value={total.annualRatio}
                detail={t('dash.moneyDetail', {
                  done: formatYi(total.doneToDate),
                  of: formatYi(total.annualPlan),
                })}
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Rate
                title={t('ind.paceRatio')}
                value={total.paceRatio}
                detail={t('dash.moneyDetail', {
                  done: formatYi(total.doneToDate),
                  of: formatYi(total.plannedToDate),
                })}
              />
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Rate
                title={t('ind.normalRate')}
                value={total.normalRate}
                detail={t('dash.normalDetail', { green: total.green, n: total.projects })}
              />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={9}>
              <Card variant="borderless" title={t('dash.lights')}>
                {pie && (
                  <Chart
                    option={pie}
                    height={300}
                    testId="dash-pie"
                    onItemClick={({ dataIndex }) =>
                      navigate(
                        `/lights?month=${month}&color=${lightColors[dataIndex] ?? ''}${regionCode ? `&regionCode=${regionCode}` : ''}`,
                      )
                    }
                  />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={15}>
              <Card variant="borderless" title={t('dash.bySector')}>
                {bars ? <Chart option={bars} height={300} testId="dash-sectors" /> : <Empty />}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <TopList color="red" month={month} regionCode={regionCode} />
            </Col>
            <Col xs={24} xl={12}>
              <TopList color="yellow" month={month} regionCode={regionCode} />
            </Col>
          </Row>
        </>
      )}
    </Space>
  );
}
