// Tree picker of the regions in the user's scope (GET /api/regions), searchable by name or code.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useRegions } from '../api/org.ts';
import { buildRegionTree, type RegionNode } from './regionTree.ts';
import { useT } from '../app/i18n.tsx';

interface TreeOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: TreeOption[];
}

function toOptions(nodes: RegionNode[]): TreeOption[] {
  return nodes.map((n) => ({
    value: n.code,
    title: `${n.name}（${n.code}）`,
    disabled: !n.active,
    children: n.children ? toOptions(n.children) : undefined,
  }));
}

export interface RegionSelectProps {
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
}

export function RegionSelect({ value, onChange, placeholder, allowClear = true, style }: RegionSelectProps) {
  const t = useT();
  const { data, isLoading } = useRegions({});
  const treeData = useMemo(() => toOptions(buildRegionTree(data?.items ?? [])), [data]);
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isLoading}
      placeholder={placeholder ?? t('field.region')}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={treeData.length < 3}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={false}
    />
  );
}
