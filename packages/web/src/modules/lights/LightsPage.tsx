// 亮灯看板: a month's lights: counts per colour, the filterable table with reasons, Excel export, overrides.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { lightColors, reasonCodes, type Light } from '@ducha/contract';
import { isApiError } from '../../api/client.ts';
import { downloadFile, useProjectLists } from '../../api/projects.ts';
import {
  monthIsClosed,
  useClearOverride,
  useClosedMonths,
  useLights,
  type LightFilters,
} from '../../api/reports.ts';
import { useMe } from '../../app/auth.tsx';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { RegionFilter } from '../../components/ListFilters.tsx';
import { ListToolbar } from '../../components/ListPage.tsx';
import { UnitSelect } from '../../components/RemoteSelect.tsx';
import { PageCard } from '../../components/StatusTag.tsx';
import { useApiError } from '../../components/useApiError.ts';
import { useTableState } from '../../components/useTableState.ts';
import { formatMoney } from '../../components/money.ts';
import { DictSelect } from '../../components/pickers.tsx';
import { isOffice } from '../../app/access.ts';
import { MonthInput } from '../../components/MonthInput.tsx';
import { formatPercent, isMonth, lastMonth, monthOf } from '../../components/period.ts';
import { LightCards } from './LightCards.tsx';
import { LightCell, useReasonText } from '../../components/LightTag.tsx';
import { OverrideModal } from './OverrideModal.tsx';

type Filters = LightFilters & { month: string };

export default function LightsPage() {
  const t = useT();
  const L = useLabels();
  const reasonText = useReasonText();
  const me = useMe();
  const office = isOffice(me.role);
  const { message } = App.useApp();
  const onError = useApiError();
  const [search] = useSearchParams();
  const initialColor = lightColors.find((c) => c === search.get('color'));
  const initialReason = reasonCodes.find((c) => c === search.get('reason'));
  const initialMonth = search.get('month');
  const table = useTableState<Filters>({
    month: isMonth(initialMonth) ? initialMonth : lastMonth(),
    color: initialColor,
    reason: initialReason,
  });
  const f = table.state.filters;
  // the months closed for the region shown are asked first, so a month not closed is a state of the
  // page and not a 404 (the admin without a region filter sees any close: the board is asked)
  const boardRegion = f.regionCode ?? me.regionCode ?? undefined;
  const months = useClosedMonths(boardRegion);
  const knownOpen = !!months.data && !monthIsClosed(months.data, f.month);
  const ask = !boardRegion || months.isError || (!!months.data && !knownOpen);
  const query = useLights(table.params, ask);
  // a month without a close in scope: a sentence saying so, shown instead of rows
  const notClosed = knownOpen
    ? t('light.notClosed', { month: f.month })
    : isApiError(query.error) && query.error.status === 404
      ? query.error.message
      : null;
  const lists = useProjectLists();
  const clear = useClearOverride();
  const [overriding, setOverriding] = useState<Light | null>(null);
  const [exporting, setExporting] = useState(false);
  const { color: _color, ...countParams } = { ...f, q: table.state.q || undefined };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await downloadFile(
        '/api/lights/export.xlsx',
        { ...f, q: table.state.q || undefined },
        `lights-${f.month}.xlsx`,
      );
      message.success(t('project.exported'));
    } catch (e) {
      onError(e);
    } finally {
      setExporting(false);
    }
  };

  const money = (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(v)}</span>;
  const columns = [
    // the key columns stay in view while the figures scroll: the board fits 1440 px
    { title: t('project.code'), dataIndex: 'projectCode', width: 120, fixed: 'left' as const },
    {
      title: t('field.name'),
      dataIndex: 'projectName',
      width: 220,
      fixed: 'left' as const,
      ellipsis: { showTitle: true },
      render: (name: string, l: Light) => <Link to={`/projects/${l.projectId}?tab=progress`}>{name}</Link>,
    },
    {
      title: t('progress.light'),
      key: 'light',
      render: (_: unknown, l: Light) => (
        <Space vertical size={2}>
          <LightCell light={l} />
          {l.override && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, maxWidth: 260 }}
              ellipsis={{ tooltip: true }}
            >
              {t('light.justificationShort', { text: l.override.justification })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('light.reasons'),
      key: 'reasons',
      width: 320,
      render: (_: unknown, l: Light) =>
        l.reasons.length ? (
          l.reasons.map((r, i) => (
            <Typography.Paragraph
              key={i}
              style={{ margin: 0 }}
              ellipsis={{ rows: 2, tooltip: reasonText(r) }}
            >
              {reasonText(r)}
            </Typography.Paragraph>
          ))
        ) : (
          <Typography.Text type="secondary">-</Typography.Text>
        ),
    },
    {
      title: t('light.paceRatio'),
      dataIndex: 'paceRatio',
      width: 100,
      align: 'right' as const,
      render: (v: number | null) => formatPercent(v),
    },
    {
      title: t('light.plannedToDate'),
      dataIndex: 'plannedToDate',
      width: 130,
      align: 'right' as const,
      render: money,
    },
    {
      title: t('light.doneToDate'),
      dataIndex: 'doneToDate',
      width: 130,
      align: 'right' as const,
      render: money,
    },
    ...(office
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            fixed: 'right' as const,
            render: (_: unknown, l: Light) => (
              <Space size={0}>
                <Button
                  type="link"
                  onClick={() => setOverriding(l)}
                  data-testid={`light-override-${l.projectId}`}
                >
                  {t('light.adjust')}
                </Button>
                {l.override && (
                  <Popconfirm
                    title={t('light.clearConfirm', { name: l.projectName })}
                    onConfirm={() =>
                      clear
                        .mutateAsync({ projectId: l.projectId, month: monthOf(l.year, l.month) })
                        .then(() => message.success(t('light.cleared')), onError)
                    }
                  >
                    <Button type="link" danger>
                      {t('light.clear')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <PageCard title={t('menu.lights')}>
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>{t('period.month')}</Typography.Text>
        <MonthInput value={f.month} onChange={(month) => table.setFilter({ month })} testId="lights-month" />
      </Space>
      <LightCards
        params={countParams}
        enabled={ask}
        color={f.color}
        onSelect={(color) => table.setFilter({ color })}
      />
      <ListToolbar searchPlaceholder={t('project.search')} onSearch={table.setQ} searchTestId="lights-search">
        <Select
          allowClear
          placeholder={t('light.filter.color')}
          style={{ width: 110 }}
          value={f.color}
          onChange={(color) => table.setFilter({ color })}
          options={lightColors.map((c) => ({ value: c, label: L.light(c) }))}
        />
        <Select
          allowClear
          placeholder={t('light.filter.reason')}
          style={{ width: 140 }}
          value={f.reason}
          onChange={(reason) => table.setFilter({ reason })}
          options={reasonCodes.map((c) => ({ value: c, label: L.reasonCode(c) }))}
          popupMatchSelectWidth={false}
        />
        <RegionFilter table={table} />
        <DictSelect
          kind="sector"
          placeholder={t('field.sector')}
          value={f.sector}
          onChange={(v) => table.setFilter({ sector: (v as string | undefined) ?? undefined })}
        />
        <Select
          allowClear
          placeholder={t('project.filter.list')}
          style={{ width: 200 }}
          value={f.listId}
          onChange={(listId) => table.setFilter({ listId })}
          options={(lists.data?.items ?? []).map((l) => ({ value: l.id, label: l.name }))}
          popupMatchSelectWidth={false}
        />
        <UnitSelect
          value={f.unitId}
          onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
          placeholder={t('project.filter.unit')}
        />
        <Button
          icon={<DownloadOutlined />}
          onClick={exportExcel}
          loading={exporting}
          data-testid="lights-export"
        >
          {t('project.export')}
        </Button>
      </ListToolbar>
      <Table<Light>
        rowKey="projectId"
        size="middle"
        loading={query.isFetching}
        columns={columns}
        dataSource={notClosed ? [] : query.data?.items}
        pagination={table.pagination(notClosed ? undefined : query.data)}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: notClosed ? (
            <Typography.Text type="secondary" data-testid="lights-not-closed">
              {notClosed}
            </Typography.Text>
          ) : (
            t('light.empty', { month: f.month })
          ),
        }}
        data-testid="lights-table"
      />
      {overriding && <OverrideModal light={overriding} onClose={() => setOverriding(null)} />}
    </PageCard>
  );
}
