// 考核卡 (issue 15): a unit's year at a glance — months × rules with each month's total, score, rank
// and board, the year's totals, and the unit's 红黄牌; each month's score opens its ledger rows.
import { useState } from 'react';
import { Alert, Button, Descriptions, Empty, InputNumber, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { generatedRules, manualRules, type ScoreCard } from '@ducha/contract';
import { exportScoreCard, useScoreCard } from '../../../api/assessment.ts';
import { useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { ledgerLink, signedPoints } from './logic.ts';
import { BoardTag, CardTag, useScoreLabels } from './parts.tsx';

type Month = ScoreCard['months'][number];
const allRules = [...generatedRules, ...manualRules];

export default function ScoreCardPage() {
  const t = useT();
  const me = useMe();
  const labels = useScoreLabels();
  const onError = useApiError();
  const [search, setSearch] = useSearchParams();
  const num = (k: string) => {
    const v = search.get(k);
    return v && /^\d+$/.test(v) ? Number(v) : undefined;
  };
  const unitId = num('unitId') ?? (me.role === 'unit' ? (me.unitId ?? undefined) : undefined);
  const year = num('year') ?? Number(todayInShanghai().slice(0, 4));
  const regionCode = search.get('regionCode') ?? undefined;
  const query = useScoreCard({ unitId, year, regionCode });
  const [exporting, setExporting] = useState(false);
  const set = (k: string, v: number | undefined) => {
    const next = new URLSearchParams(search);
    if (v === undefined) next.delete(k);
    else next.set(k, String(v));
    setSearch(next, { replace: true });
  };
  const c = query.data;
  const doExport = async () => {
    if (!unitId) return;
    setExporting(true);
    try {
      await exportScoreCard({ unitId, year, regionCode });
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };
  // only the rules that hold something this year, so the table stays readable
  const rules = c
    ? allRules.filter((r) => c.total.byRule[r] !== undefined && c.total.byRule[r] !== '0.00')
    : [];
  const columns = [
    {
      title: t('score.month'),
      dataIndex: 'month',
      render: (m: number) => t('score.monthN', { n: m }),
      fixed: 'left' as const,
    },
    ...rules.map((r) => ({
      title: labels.rule(r),
      key: r,
      render: (_: unknown, m: Month) => (m.byRule[r] ? signedPoints(m.byRule[r]) : ''),
    })),
    { title: t('score.total'), dataIndex: 'total', render: signedPoints },
    {
      title: t('score.score'),
      key: 'score',
      render: (_: unknown, m: Month) =>
        m.computed && c ? (
          <Link to={ledgerLink(c.unitId, `${c.year}-${String(m.month).padStart(2, '0')}`, c.regionCode)}>
            {m.score}
          </Link>
        ) : (
          <Typography.Text type="secondary">{t('score.notComputedShort')}</Typography.Text>
        ),
    },
    {
      title: t('score.rank'),
      key: 'rank',
      render: (_: unknown, m: Month) => (m.rank ? `${m.rank} / ${m.of}` : '-'),
    },
    { title: t('score.boardCol'), dataIndex: 'board', render: (b: Month['board']) => <BoardTag board={b} /> },
  ];
  return (
    <PageCard
      title={t('menu.scoreCard')}
      extra={
        <Button onClick={doExport} loading={exporting} disabled={!c} data-testid="card-export">
          {t('score.export')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {me.role !== 'unit' && (
          <UnitSelect
            value={unitId}
            onChange={(v) => set('unitId', v ?? undefined)}
            initialOptions={c ? [{ value: c.unitId, label: c.unitName }] : []}
          />
        )}
        <InputNumber
          value={year}
          min={2000}
          max={2100}
          onChange={(y) => y && set('year', y)}
          style={{ width: 90 }}
        />
      </Space>
      {!unitId && <Empty description={t('score.pickUnit')} />}
      {query.error && <Alert type="warning" showIcon message={query.error.message} />}
      {c && (
        <>
          <Descriptions size="small" column={4} style={{ marginBottom: 16 }} data-testid="card-summary">
            <Descriptions.Item label={t('field.unit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('score.group')}>{c.groupName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('score.baseScore')}>{c.baseScore}</Descriptions.Item>
            <Descriptions.Item label={t('score.yearScore')}>
              <Typography.Text strong data-testid="card-year-score">
                {c.total.score}
              </Typography.Text>
              {c.total.rank ? `（${t('score.rankN', { n: c.total.rank })}）` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Table<Month>
            rowKey="month"
            size="small"
            pagination={false}
            columns={columns}
            dataSource={c.months}
            scroll={{ x: 'max-content' }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('score.yearTotal')}</Table.Summary.Cell>
                {rules.map((r, i) => (
                  <Table.Summary.Cell key={r} index={i + 1}>
                    {signedPoints(c.total.byRule[r] ?? '0')}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={rules.length + 1}>
                  {signedPoints(c.total.total)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={rules.length + 2}>{c.total.score}</Table.Summary.Cell>
                <Table.Summary.Cell index={rules.length + 3}>{c.total.rank ?? '-'}</Table.Summary.Cell>
                <Table.Summary.Cell index={rules.length + 4} />
              </Table.Summary.Row>
            )}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('menu.warningCards')}
          </Typography.Title>
          {c.cards.length ? (
            <Space wrap>
              {c.cards.map((card) => (
                <Link key={card.id} to={`/scores/cards/${card.id}`}>
                  <CardTag color={card.color} /> {card.noticeNo} · {t('score.monthN', { n: card.month })} ·{' '}
                  {labels.of('cardStatus', card.status)}
                </Link>
              ))}
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('score.noCards')}</Typography.Text>
          )}
        </>
      )}
    </PageCard>
  );
}
