// 考核台账 (issue 15): every bonus and deduction, filtered by year, month, unit, rule, cause, source,
// status and exemption, with what the filter adds up to; each row opens its cause and shows its
// exemption. The office writes manual awards and penalties (someone else decides them) and rows may
// be exempted (asked by the office or the unit, decided by someone else).
import { useState } from 'react';
import { App, Button, InputNumber, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { causeKinds, exemptionStatuses, scoreRowStatuses, scoreRules, type ScoreRow } from '@ducha/contract';
import { exportRows, useScoreRows } from '../../../api/assessment.ts';
import { useCan, useMe } from '../../../app/auth.tsx';
import { useT } from '../../../app/i18n.tsx';
import type { MsgKey } from '../../../app/messages/zh.ts';
import { UnitSelect } from '../../../components/RemoteSelect.tsx';
import { PageCard } from '../../../components/StatusTag.tsx';
import { formatDateTime, todayInShanghai } from '../../../components/format.ts';
import { useApiError } from '../../../components/useApiError.ts';
import { useTableState } from '../../../components/useTableState.ts';
import { managerRoles, mayAskExemption, mayDecideExemption, mayDecideRow, signedPoints } from './logic.ts';
import { DecisionModal, ExemptionModal, ManualRowForm } from './LedgerForms.tsx';
import { useScoreLabels } from './parts.tsx';

type Filters = {
  regionCode?: string;
  year: number;
  month?: number;
  unitId?: number;
  rule?: string;
  causeKind?: string;
  source?: string;
  status?: string;
  exemption?: string;
  sort?: string;
};

const num = (s: string | null) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

type Dialog =
  | { kind: 'manual' }
  | { kind: 'decide'; row: ScoreRow }
  | { kind: 'exempt'; row: ScoreRow }
  | { kind: 'decideExemption'; row: ScoreRow };

export default function LedgerPage() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const labels = useScoreLabels();
  const { message } = App.useApp();
  const onError = useApiError();
  const [search] = useSearchParams();
  const table = useTableState<Filters>({
    year: num(search.get('year')) ?? Number(todayInShanghai().slice(0, 4)),
    month: num(search.get('month')),
    unitId: num(search.get('unitId')),
    regionCode: search.get('regionCode') ?? undefined,
    status: search.get('status') ?? undefined,
    exemption: search.get('exemption') ?? undefined,
  });
  const f = table.state.filters;
  const query = useScoreRows(table.params);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [exporting, setExporting] = useState(false);
  const writer = can('score.write');
  const office = writer && managerRoles.includes(me.role);
  // a drill-down names the unit by id: its rows name it for the picker
  const named = query.data?.items.find((r) => r.unitId === f.unitId);
  const unitOption = named ? [{ value: named.unitId, label: named.unitName }] : [];

  const doExport = async () => {
    setExporting(true);
    try {
      const { page: _p, pageSize: _s, q: _q, ...filters } = table.params;
      await exportRows(filters);
      message.success(t('score.exported'));
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  const select = (key: keyof Filters, values: readonly string[], family: string | null, width = 130) => (
    <Select<string>
      allowClear
      value={f[key] as string | undefined}
      placeholder={t(`score.filter.${key}` as MsgKey)}
      style={{ width }}
      onChange={(v) => table.setFilter({ [key]: v ?? undefined })}
      options={values.map((v) => ({ value: v, label: family ? labels.of(family, v) : labels.rule(v) }))}
      data-testid={`ledger-filter-${key}`}
    />
  );

  const columns = [
    {
      title: t('score.month'),
      key: 'month',
      render: (_: unknown, r: ScoreRow) => `${r.year}-${String(r.month).padStart(2, '0')}`,
    },
    { title: t('field.unit'), dataIndex: 'unitName' },
    { title: t('score.rule'), dataIndex: 'rule', render: labels.rule },
    { title: t('score.points'), dataIndex: 'points', render: signedPoints },
    {
      title: t('score.counted'),
      dataIndex: 'counted',
      render: (c: string, r: ScoreRow) => (
        <Typography.Text type={c !== r.points ? 'secondary' : undefined} data-testid={`row-counted-${r.id}`}>
          {signedPoints(c)}
        </Typography.Text>
      ),
    },
    { title: t('score.reason'), dataIndex: 'reason', width: 280 },
    {
      title: t('score.cause'),
      key: 'cause',
      width: 200,
      ellipsis: true,
      render: (_: unknown, r: ScoreRow) =>
        r.cause.href ? (
          <Link to={r.cause.href} data-testid={`row-cause-${r.id}`}>
            {labels.of('cause', r.cause.kind)}：{r.cause.label}
          </Link>
        ) : (
          <span>{labels.of('cause', r.cause.kind)}</span>
        ),
    },
    {
      title: t('field.status'),
      key: 'status',
      render: (_: unknown, r: ScoreRow) => (
        <Space size={4} wrap>
          <Tag color={r.status === 'effective' ? 'green' : r.status === 'pending' ? 'gold' : 'default'}>
            {labels.of('rowStatus', r.status)}
          </Tag>
          {r.source === 'manual' && (
            <Tooltip
              title={t('score.manualBy', {
                by: r.createdBy ?? '-',
                at: formatDateTime(r.createdAt),
                decider: r.decidedBy ?? '-',
                note: r.decisionNote ?? '',
              })}
            >
              <Tag>{labels.of('source', r.source)}</Tag>
            </Tooltip>
          )}
          {r.exemption && (
            <Tooltip
              title={t('score.exemptionBy', {
                reason: r.exemption.reason,
                by: r.exemption.requestedBy ?? '-',
                decider: r.exemption.decidedBy ?? '-',
                note: r.exemption.note ?? '',
              })}
            >
              <Tag
                color={r.exemption.status === 'approved' ? 'blue' : undefined}
                data-testid={`row-exemption-${r.id}`}
              >
                {labels.of('exemption', r.exemption.status)}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right' as const,
      render: (_: unknown, r: ScoreRow) =>
        writer && (
          <Space size={4}>
            {mayDecideRow(r, me) && (
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'decide', row: r })}
                data-testid={`row-decide-${r.id}`}
              >
                {t('score.decide')}
              </Button>
            )}
            {mayAskExemption(r, me) && (
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'exempt', row: r })}
                data-testid={`row-exempt-${r.id}`}
              >
                {t('score.askExemption')}
              </Button>
            )}
            {mayDecideExemption(r, me) && (
              <Button
                size="small"
                type="link"
                onClick={() => setDialog({ kind: 'decideExemption', row: r })}
                data-testid={`row-decide-exemption-${r.id}`}
              >
                {t('score.decideExemption')}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  return (
    <PageCard
      title={t('menu.scoreLedger')}
      extra={
        <Space>
          {office && (
            <Button type="primary" onClick={() => setDialog({ kind: 'manual' })} data-testid="ledger-manual">
              {t('score.manualCreate')}
            </Button>
          )}
          <Button onClick={doExport} loading={exporting} data-testid="ledger-export">
            {t('score.export')}
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <InputNumber
          value={f.year}
          min={2000}
          max={2100}
          onChange={(y) => y && table.setFilter({ year: y })}
          style={{ width: 90 }}
          data-testid="ledger-filter-year"
        />
        <Select<number>
          allowClear
          value={f.month}
          placeholder={t('score.filter.month')}
          style={{ width: 100 }}
          onChange={(m) => table.setFilter({ month: m ?? undefined })}
          options={Array.from({ length: 12 }, (_, i) => ({
            value: i + 1,
            label: t('score.monthN', { n: i + 1 }),
          }))}
          data-testid="ledger-filter-month"
        />
        {me.role !== 'unit' && (
          <UnitSelect
            value={f.unitId}
            onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
            initialOptions={unitOption}
          />
        )}
        {select('rule', scoreRules, null, 170)}
        {select('causeKind', causeKinds, 'cause')}
        {select('source', ['generated', 'manual'], 'source')}
        {select('status', scoreRowStatuses, 'rowStatus')}
        {select('exemption', exemptionStatuses, 'exemption')}
        <Select<string>
          value={f.sort ?? '-month'}
          style={{ width: 170 }}
          onChange={(v) => table.setFilter({ sort: v })}
          options={['-month', 'month', 'points', '-points', 'unit'].map((v) => ({
            value: v,
            label: t(`score.sort.${v}` as MsgKey),
          }))}
          data-testid="ledger-sort"
        />
      </Space>
      <Statistic
        title={t('score.sum')}
        value={query.data ? signedPoints(query.data.sum) : '-'}
        style={{ marginBottom: 16 }}
        valueStyle={{ fontSize: 20 }}
        data-testid="ledger-sum"
      />
      <Table<ScoreRow>
        rowKey="id"
        size="middle"
        loading={query.isFetching}
        columns={columns}
        dataSource={query.data?.items}
        pagination={table.pagination(query.data)}
        scroll={{ x: 'max-content' }}
        data-testid="ledger-table"
      />
      {dialog?.kind === 'manual' && (
        <ManualRowForm
          initial={{
            regionCode: f.regionCode ?? me.regionCode ?? undefined,
            year: f.year,
            month: f.month,
            unitId: f.unitId,
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {(dialog?.kind === 'decide' || dialog?.kind === 'decideExemption') && (
        <DecisionModal
          row={dialog.row}
          exemption={dialog.kind === 'decideExemption'}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'exempt' && <ExemptionModal row={dialog.row} onClose={() => setDialog(null)} />}
    </PageCard>
  );
}
