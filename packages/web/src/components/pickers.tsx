// Pickers and tags of the registry: positions, projects, several units, dictionary values, stage tag.
import { useEffect, useMemo, useState } from 'react';
import { Select, Tag } from 'antd';
import type { Position, Project, Stage, Unit } from '@ducha/contract';
import { stages } from '@ducha/contract';
import { useList } from '../api/resource.ts';
import { useDictionary, type DictionaryItem } from '../api/projects.ts';
import { useT } from '../app/i18n.tsx';
import { useLabels } from '../app/labels.ts';
import { RemoteSelect, type Option } from './RemoteSelect.tsx';

type PickerProps = {
  value?: number | null;
  onChange?: (v: number | null) => void;
  initialOptions?: Option[];
  placeholder?: string;
  style?: React.CSSProperties;
  disabled?: boolean;
};

const positionOption = (p: Position): Option => ({
  value: p.id,
  label: p.holderName ? `${p.name}（${p.holderName}）` : p.name,
});
const projectOption = (p: Project): Option => ({ value: p.id, label: `${p.code} ${p.name}` });

/** A leader position, shown with its current holder (responsibility follows the position). */
export function PositionSelect(props: PickerProps) {
  const t = useT();
  return (
    <RemoteSelect<Position>
      resource="positions"
      toOption={positionOption}
      placeholder={t('project.leaderPosition')}
      {...props}
    />
  );
}

/** A project by code or name. */
export function ProjectSelect(props: PickerProps) {
  const t = useT();
  return (
    <RemoteSelect<Project>
      resource="projects"
      toOption={projectOption}
      placeholder={t('project.searchPlaceholder')}
      style={{ minWidth: 320, ...props.style }}
      {...props}
    />
  );
}

/** Several units (co-operating units), searchable; `initialOptions` names the current ones. */
export function UnitMultiSelect({
  value,
  onChange,
  initialOptions = [],
  disabled,
  id,
}: {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  initialOptions?: Option[];
  disabled?: boolean;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(search), 300);
    return () => clearTimeout(h);
  }, [search]);
  const { data, isFetching } = useList<Unit>('units', { q, pageSize: 30 });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((u) => ({ value: u.id, label: u.name }));
    const seen = new Set(list.map((o) => o.value));
    return [...list, ...initialOptions.filter((o) => !seen.has(o.value))];
  }, [data, initialOptions]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noMatch')}
      placeholder={t('field.unit')}
      style={{ width: '100%' }}
      disabled={disabled}
    />
  );
}

/** Options of a configurable dictionary (active entries, plus values already in use). */
export function useDictOptions(kind: DictionaryItem['kind'], current: readonly string[] = []) {
  const { data } = useDictionary(kind);
  return useMemo(() => {
    const items = (data ?? []).filter((d) => d.active).map((d) => ({ value: d.code, label: d.label }));
    const seen = new Set(items.map((o) => o.value));
    return [...items, ...current.filter((c) => !seen.has(c)).map((c) => ({ value: c, label: c }))];
  }, [data, current]);
}

/** Select of one or several dictionary values (sector; funding sources, tags). */
export function DictSelect({
  kind,
  multiple,
  value,
  onChange,
  placeholder,
  style,
  id,
}: {
  id?: string;
  kind: DictionaryItem['kind'];
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?: (v: string | string[] | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
}) {
  const current = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
  const options = useDictOptions(kind, current);
  return (
    <Select
      id={id}
      mode={multiple ? 'multiple' : undefined}
      allowClear
      value={value ?? undefined}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      style={{ minWidth: 140, ...style }}
    />
  );
}

const stageColors: Record<Stage, string> = {
  reserve: 'default',
  preliminary: 'gold',
  new_start: 'cyan',
  continuing: 'blue',
  completed: 'green',
  operating: 'purple',
};

export function StageTag({ stage }: { stage: Stage }) {
  const L = useLabels();
  return <Tag color={stageColors[stage]}>{L.stage(stage)}</Tag>;
}

export function useStageOptions() {
  const L = useLabels();
  return stages.map((s) => ({ value: s, label: L.stage(s) }));
}
