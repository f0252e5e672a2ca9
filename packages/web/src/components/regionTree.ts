// Builds the region tree from the flat list the API answers (children found by parentCode).
import type { Region } from '@ducha/contract';

export type RegionNode = Region & { children?: RegionNode[] };

/** Regions whose parent is not in the list become roots (a scoped or filtered list). */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const byCode = new Map<string, RegionNode>();
  for (const r of regions) byCode.set(r.code, { ...r });
  const roots: RegionNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (nodes: RegionNode[]) => {
    nodes.sort((a, b) => a.code.localeCompare(b.code));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** Codes of nodes down to `depth` levels that have children (to expand by default). */
export function expandedCodes(nodes: RegionNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((n) => (n.children ? [n.code, ...expandedCodes(n.children, depth - 1)] : []));
}
