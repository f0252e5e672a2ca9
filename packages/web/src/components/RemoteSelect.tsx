// Searchable pickers backed by list endpoints: units (/api/units) and people (/api/people).
import { useEffect, useMemo, useState } from 'react';
import { Select } from 'antd';
import type { Person, Unit } from '@ducha/contract';
import { useList } from '../api/resource.ts';
import type { QueryParams } from '../api/client.ts';
import { useT } from '../app/i18n.tsx';

export interface Option {
  value: number;
  label: string;
}

interface RemoteSelectProps<T> {
  resource: string;
  params?: QueryParams;
  toOption: (item: T) => Option;
  value?: number | null;
  onChange?: (v: number | null) => void;
  /** Label(s) for the current value, which the first page of results may not contain. */
  initialOptions?: Option[];
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  disabled?: boolean;
  /** Set by Form.Item, so the field's label points at the select. */
  id?: string;
}

function useDebounced<T>(value: T, ms = 300): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function RemoteSelect<T>(props: RemoteSelectProps<T>) {
  const { resource, params, toOption, value, onChange, initialOptions = [], ...rest } = props;
  const t = useT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search);
  const { data, isFetching } = useList<T>(resource, { ...params, q, pageSize: 30 });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map(toOption);
    const seen = new Set(list.map((o) => o.value));
    return [...list, ...initialOptions.filter((o) => o.value && !seen.has(o.value))];
  }, [data, toOption, initialOptions]);
  return (
    <Select<number>
      id={rest.id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      notFoundContent={isFetching ? t('common.loading') : t('common.noMatch')}
      style={{ minWidth: 200, ...rest.style }}
      placeholder={rest.placeholder}
      allowClear={rest.allowClear ?? true}
      disabled={rest.disabled}
    />
  );
}

const unitOption = (u: Unit): Option => ({ value: u.id, label: u.active ? u.name : `${u.name} ⊘` });
const personOption = (p: Person): Option => ({
  value: p.id,
  label: [p.name, p.unitName].filter(Boolean).join(' · '),
});

type PickerProps = Omit<RemoteSelectProps<unknown>, 'resource' | 'toOption' | 'params'>;

export function UnitSelect(props: PickerProps & { regionCode?: string }) {
  const t = useT();
  const { regionCode, ...rest } = props;
  return (
    <RemoteSelect<Unit>
      resource="units"
      params={{ regionCode }}
      toOption={unitOption}
      placeholder={t('field.unit')}
      {...rest}
    />
  );
}

export function PersonSelect(props: PickerProps & { unitId?: number | null }) {
  const t = useT();
  const { unitId, ...rest } = props;
  return (
    <RemoteSelect<Person>
      resource="people"
      params={{ unitId: unitId ?? undefined }}
      toOption={personOption}
      placeholder={t('field.person')}
      {...rest}
    />
  );
}

/** An initial option from an id and a name that may be missing. */
export function optionOf(id: number | null | undefined, name: string | null | undefined): Option[] {
  return id ? [{ value: id, label: name ?? `#${id}` }] : [];
}
