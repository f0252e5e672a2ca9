// The project list's filter controls (shared by 项目库 and 工期甘特图) and the saved-view helpers.
import { useMemo } from 'react';
import { Select } from 'antd';
import { batchSchemes } from '@ducha/contract';
import { useProjectLists, type ProjectFilters } from '../../api/projects.ts';
import { useT } from '../../app/i18n.tsx';
import { useLabels } from '../../app/labels.ts';
import { IncludeInactiveSwitch, RegionFilter } from '../../components/ListFilters.tsx';
import { UnitSelect } from '../../components/RemoteSelect.tsx';
import type { TableControl } from '../../components/useTableState.ts';
import { DictSelect, PositionSelect, useStageOptions } from '../../components/pickers.tsx';

/** Every filter key: a saved view restores exactly these (unset ones are cleared). */
export const filterKeys = [
  'year',
  'listId',
  'batch',
  'sector',
  'regionCode',
  'unitId',
  'leaderPositionId',
  'stage',
  'includeInactive',
  'sort',
] as const satisfies readonly (keyof ProjectFilters)[];

/** The filters a saved view stored, keeping only known keys with values of the right type. */
export function filtersFromView(query: Record<string, unknown>): ProjectFilters {
  const out: Record<string, unknown> = {};
  for (const k of filterKeys) {
    const v = query[k];
    if (v === undefined || v === null || v === '') out[k] = undefined;
    else if (['year', 'listId', 'unitId', 'leaderPositionId'].includes(k))
      out[k] = Number.isFinite(Number(v)) ? Number(v) : undefined;
    else if (k === 'includeInactive') out[k] = v === true || v === 'true' || undefined;
    else out[k] = String(v);
  }
  return out as ProjectFilters;
}

/** The filters with a value, for a saved view or the export's query string. */
export function activeFilters(filters: ProjectFilters): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const k of filterKeys) {
    const v = filters[k];
    if (v !== undefined && v !== null && v !== '') out[k] = v;
  }
  return out;
}

export function ProjectFilterControls({ table }: { table: TableControl<ProjectFilters> }) {
  const t = useT();
  const L = useLabels();
  const f = table.state.filters;
  const lists = useProjectLists();
  const stageOptions = useStageOptions();
  const thisYear = new Date().getFullYear();
  const years = useMemo(() => {
    const set = new Set([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...(lists.data?.items ?? []).map((l) => l.year),
    ]);
    return [...set].sort((a, b) => b - a);
  }, [lists.data, thisYear]);
  const listOptions = (lists.data?.items ?? [])
    .filter((l) => !f.year || l.year === f.year)
    .map((l) => ({ value: l.id, label: l.name }));
  const chosenList = lists.data?.items.find((l) => l.id === f.listId);
  const batches = chosenList
    ? chosenList.batches
    : [...new Set([...batchSchemes.three_30, ...batchSchemes.four_batches])];
  return (
    <>
      <Select
        allowClear
        placeholder={t('project.filter.year')}
        style={{ width: 120 }}
        value={f.year}
        onChange={(year) => table.setFilter({ year })}
        options={years.map((y) => ({ value: y, label: t('project.yearN', { year: y }) }))}
        data-testid="project-filter-year"
      />
      <Select
        allowClear
        placeholder={t('project.filter.list')}
        style={{ width: 200 }}
        value={f.listId}
        onChange={(listId) => table.setFilter({ listId })}
        options={listOptions}
        loading={lists.isLoading}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        placeholder={t('project.filter.batch')}
        style={{ width: 140 }}
        value={f.batch}
        onChange={(batch) => table.setFilter({ batch })}
        options={batches.map((b) => ({ value: b, label: L.batch(b) }))}
        popupMatchSelectWidth={false}
      />
      <DictSelect
        kind="sector"
        placeholder={t('field.sector')}
        value={f.sector}
        onChange={(v) => table.setFilter({ sector: (v as string | undefined) ?? undefined })}
      />
      <RegionFilter table={table} />
      <UnitSelect
        value={f.unitId}
        onChange={(v) => table.setFilter({ unitId: v ?? undefined })}
        placeholder={t('project.filter.unit')}
      />
      <PositionSelect
        value={f.leaderPositionId}
        onChange={(v) => table.setFilter({ leaderPositionId: v ?? undefined })}
        style={{ minWidth: 220 }}
      />
      <Select
        allowClear
        placeholder={t('field.stage')}
        style={{ width: 120 }}
        value={f.stage}
        onChange={(stage) => table.setFilter({ stage })}
        options={stageOptions}
      />
      <IncludeInactiveSwitch table={table} />
    </>
  );
}
