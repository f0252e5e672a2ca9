// Pickers and tags of the registry: positions, projects, several units, dictionary values, stage tag.
import { useEffect, useMemo, useState } from 'react';
import { Select, Tag } from 'antd';
import type { Lang, Person, Position, Project, Stage, Unit } from '@ducha/contract';
import { stages } from '@ducha/contract';
import { useList } from '../api/resource.ts';
import { useDictionary, type DictionaryItem } from '../api/projects.ts';
import { useI18n, useT } from '../app/i18n.tsx';
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

interface MultiProps {
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
  initialOptions?: Option[];
  disabled?: boolean;
  placeholder?: string;
}

/** Several records of a list resource, searched on the server; `initialOptions` names the current ones. */
function RemoteMultiSelect<T>({
  resource,
  toOption,
  params,
  value,
  onChange,
  initialOptions = [],
  disabled,
  id,
  placeholder,
}: MultiProps & {
  resource: string;
  toOption: (row: T) => Option;
  params?: Record<string, string | number | undefined>;
}) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(search), 300);
    return () => clearTimeout(h);
  }, [search]);
  const { data, isFetching } = useList<T>(resource, { ...params, q, pageSize: 30 });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map(toOption);
    const seen = new Set(list.map((o) => o.value));
    return [...list, ...initialOptions.filter((o) => !seen.has(o.value))];
  }, [data, initialOptions, toOption]);
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
      placeholder={placeholder}
      style={{ width: '100%' }}
      disabled={disabled}
    />
  );
}

const unitOption = (u: Unit): Option => ({ value: u.id, label: u.name });
const personOption = (p: Person): Option => ({
  value: p.id,
  label: [p.name, p.unitName].filter(Boolean).join(' · '),
});

/** Several units (co-operating units), searchable; `initialOptions` names the current ones. */
export function UnitMultiSelect(props: MultiProps) {
  const t = useT();
  return (
    <RemoteMultiSelect<Unit>
      resource="units"
      toOption={unitOption}
      placeholder={t('field.unit')}
      {...props}
    />
  );
}

/** Several positions (a leading group's deputies), shown with their holders. */
export function PositionMultiSelect(props: MultiProps) {
  const t = useT();
  return (
    <RemoteMultiSelect<Position>
      resource="positions"
      toOption={positionOption}
      placeholder={t('project.leaderPosition')}
      {...props}
    />
  );
}

/** Several people (a group's members), searchable. */
export function PeopleMultiSelect(props: MultiProps) {
  const t = useT();
  return (
    <RemoteMultiSelect<Person>
      resource="people"
      toOption={personOption}
      placeholder={t('field.person')}
      {...props}
    />
  );
}

/** Several projects of a region subtree (a group's projects), by code or name. */
export function ProjectMultiSelect(props: MultiProps & { regionCode?: string }) {
  const t = useT();
  const { regionCode, ...rest } = props;
  return (
    <RemoteMultiSelect<Project>
      resource="projects"
      params={{ regionCode }}
      toOption={projectOption}
      placeholder={t('project.searchPlaceholder')}
      {...rest}
    />
  );
}

/** A dictionary entry's label in the UI's language: the English label in English when it has one. */
export const dictLabelOf = (d: Pick<DictionaryItem, 'label' | 'labelEn'>, lang: Lang) =>
  (lang === 'en' && d.labelEn) || d.label;

/**
 * The display label of a dictionary code (records store codes; labels may be edited), in the UI's
 * language; an unknown code shows as itself. `enabled`: whether the user may read the dictionaries
 * (project.read).
 */
export function useDictLabel(kind: DictionaryItem['kind'], enabled = true) {
  const { data } = useDictionary(kind, enabled);
  const { lang } = useI18n();
  return useMemo(() => {
    const byCode = new Map((data ?? []).map((d) => [d.code, dictLabelOf(d, lang)]));
    return (code: string) => byCode.get(code) ?? code;
  }, [data, lang]);
}

/** A dictionary code shown as its label (see useDictLabel). */
export function DictLabel({ kind, code }: { kind: DictionaryItem['kind']; code: string }) {
  return <>{useDictLabel(kind)(code)}</>;
}

/** Options of a configurable dictionary (active entries, plus values already in use, even inactive). */
export function useDictOptions(kind: DictionaryItem['kind'], current: readonly string[] = []) {
  const { data } = useDictionary(kind);
  const { lang } = useI18n();
  return useMemo(() => {
    const all = data ?? [];
    const items = all.filter((d) => d.active).map((d) => ({ value: d.code, label: dictLabelOf(d, lang) }));
    const seen = new Set(items.map((o) => o.value));
    const labelOf = (c: string) => {
      const d = all.find((x) => x.code === c);
      return d ? dictLabelOf(d, lang) : c;
    };
    return [...items, ...current.filter((c) => !seen.has(c)).map((c) => ({ value: c, label: labelOf(c) }))];
  }, [data, current, lang]);
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
