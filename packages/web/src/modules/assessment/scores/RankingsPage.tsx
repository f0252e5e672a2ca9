// 红黑榜 (issue 15): a period's ranking per group, each score a link to its ledger rows; the office
// recomputes a month here (重新计算) and every reader exports the board as .xlsx.
import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { RankingEntry } from '@ducha/contract';
import { exportRanking, useRanking, useRecomputeMonths } from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import {
  boardPeriod,
  defaultMonth,
  ledgerLink,
  managerRoles,
  paceText,
  parsePeriod,
  periodOf,
  recomputableMonths,
  signedPoints,
} from './logic.ts';
import { BoardTag, PeriodPicker } from './parts.tsx';

export default function RankingsPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const onError = useApiError();
  const [search, setSearch] = useSearchParams();
  const regionCode = search.get('regionCode') ?? undefined;
  const explicit = parsePeriod(search.get('period'));
  // without a period in the address: the year's latest computed month (last month if none is)
  const fallback = defaultMonth(todayInShanghai());
  const probe = useRanking({ period: String(fallback.year), regionCode }, !explicit);
  const pick = boardPeriod(search.get('period'), probe.data?.months ?? [], todayInShanghai());
  const period = periodOf(pick);
  const params = { period, regionCode };
  const query = useRanking(params, !!explicit || !probe.isLoading);
  const recompute = useRecomputeMonths();
  const months = recomputableMonths(pick, todayInShanghai());
  const [exporting, setExporting] = useState(false);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSearch(next, { replace: true });
  };
  const r = query.data;
  const office = can('score.write') && managerRoles.includes(me.role);

  // a month, or a half year's or year's months so far: one pass either way
  const runRecompute = () => {
    if (!r || !months) return;
    recompute.mutate(
      { regionCode: r.regionCode, year: pick.year, from: months[0], to: months[1] },
      {
        onSuccess: (res) => {
          const sum = (k: 'inserted' | 'updated' | 'deleted' | 'unchanged' | 'cardsIssued') =>
            res.months.reduce((n, m) => n + m[k], 0);
          const counts = {
            inserted: sum('inserted'),
            updated: sum('updated'),
            deleted: sum('deleted'),
            unchanged: sum('unchanged'),
            cards: sum('cardsIssued'),
          };
          message.success(
            res.months.length === 1
              ? t('score.recomputed', counts)
              : t('score.recomputedMonths', { ...counts, months: res.months.length }),
          );
        },
        onError: (e) => onError(e),
      },
    );
  };
  const doExport = async () => {
    setExporting(true);
    try {
      await exportRanking(params);
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  // unit staff read the board of every unit but the rows and card of their own only
  const opens = (e: RankingEntry) => me.role !== 'unit' || e.unitId === me.unitId;
  const columns = [
    { title: t('score.rank'), dataIndex: 'rank', width: 70 },
    {
      title: t('field.unit'),
      dataIndex: 'unitName',
      render: (name: string, e: RankingEntry) =>
        !opens(e) ? (
          name
        ) : (
          <Link
            to={`/scores/card?unitId=${e.unitId}&year=${pick.year}${r ? `&regionCode=${r.regionCode}` : ''}`}
          >
            {name}
          </Link>
        ),
    },
    {
      title: t('score.score'),
      dataIndex: 'score',
      render: (score: string, e: RankingEntry) =>
        !opens(e) ? (
          score
        ) : (
          <Link to={ledgerLink(e.unitId, period, r?.regionCode)} data-testid={`score-drill-${e.unitId}`}>
            {score}
          </Link>
        ),
    },
    { title: t('score.bonuses'), dataIndex: 'bonuses', render: signedPoints },
    { title: t('score.deductions'), dataIndex: 'deductions', render: signedPoints },
    { title: t('score.rows'), dataIndex: 'rows' },
    { title: t('score.pace'), dataIndex: 'pace', render: paceText },
    {
      title: t('score.boardCol'),
      dataIndex: 'board',
      render: (b: RankingEntry['board'], e: RankingEntry) => (
        <Space size={4}>
          <BoardTag board={b} />
          {e.exempt && <Typography.Text type="secondary">{t('score.exemptShort')}</Typography.Text>}
        </Space>
      ),
    },
  ];

  return (
    <PageCard
      title={t('menu.scoreRankings')}
      extra={
        <Space>
          {office && months && (
            <Button
              onClick={runRecompute}
              loading={recompute.isPending}
              disabled={!r}
              data-testid="score-recompute"
            >
              {t('score.recompute')}
            </Button>
          )}
          <Button onClick={doExport} loading={exporting} disabled={!r} data-testid="ranking-export">
            {t('score.export')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <PeriodPicker value={pick} onChange={(p) => set({ period: periodOf(p) })} />
        {me.role !== 'unit' && (
          <RegionSelect
            value={regionCode ?? r?.regionCode}
            onChange={(code) => set({ regionCode: code })}
            allowClear={false}
          />
        )}
      </Space>
      {query.error && <Alert type="warning" showIcon message={query.error.message} />}
      {r && (
        <>
          <Typography.Paragraph type="secondary" data-testid="ranking-summary">
            {t('score.rankingSummary', {
              region: r.regionName,
              scheme: r.schemeName,
              base: r.baseScore,
              months: r.months.length ? r.months.join('、') : t('score.noMonths'),
            })}
          </Typography.Paragraph>
          {r.months.length === 0 && <Alert type="info" showIcon message={t('score.notComputed')} />}
          {r.groups.map((g) => (
            <Card
              key={g.code}
              type="inner"
              title={g.name}
              style={{ marginTop: 16 }}
              data-testid={`ranking-group-${g.code}`}
            >
              <BoardLine entries={g.entries} />
              {g.entries.length ? (
                <Table<RankingEntry>
                  rowKey="unitId"
                  size="small"
                  pagination={false}
                  columns={columns}
                  dataSource={g.entries}
                  scroll={{ x: 'max-content' }}
                />
              ) : (
                <Empty />
              )}
            </Card>
          ))}
        </>
      )}
    </PageCard>
  );
}

/** The group's 红榜 and 黑榜 as published: the units' names in rank order. */
function BoardLine({ entries }: { entries: RankingEntry[] }) {
  const t = useT();
  const names = (b: 'red' | 'black') =>
    entries
      .filter((e) => e.board === b)
      .map((e) => e.unitName)
      .join('、') || t('score.boardEmpty');
  return (
    <Space direction="vertical" size={2} style={{ marginBottom: 12 }}>
      <span data-testid="board-red">
        <BoardTag board="red" /> {names('red')}
      </span>
      <span data-testid="board-black">
        <BoardTag board="black" /> {names('black')}
      </span>
    </Space>
  );
}
