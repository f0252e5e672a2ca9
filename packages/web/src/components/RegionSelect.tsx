// Tree picker of the regions in the user's scope (GET /api/regions?inScope=true: the user's own
// subtree, without the regions above it), searchable by name or code. A city's leader is not offered
// the province, a county office not the city.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useRegions } from '../api/org.ts';
import { buildRegionTree, type RegionNode } from './regionTree.ts';
import { useMe } from '../app/auth.tsx';
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

/** The node with `code` and its descendants (empty when the tree does not hold it). */
function subtreeAt(nodes: RegionNode[], code: string): RegionNode[] {
  for (const n of nodes) {
    if (n.code === code) return [n];
    const below = n.children ? subtreeAt(n.children, code) : [];
    if (below.length) return below;
  }
  return [];
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
  const { data, isLoading } = useRegions({ inScope: true });
  const me = useMe();
  const treeData = useMemo(() => {
    const tree = buildRegionTree(data?.items ?? []);
    return toOptions(me.role === 'admin' || !me.regionCode ? tree : subtreeAt(tree, me.regionCode));
  }, [data, me.role, me.regionCode]);
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
