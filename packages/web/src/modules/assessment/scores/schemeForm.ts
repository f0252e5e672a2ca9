// The scheme editor's values: the answered config as form values (empty text for no cap), back to
// the body the contract reads, and zod issues as the antd fields they name.
import type { Scheme } from '@ducha/contract';

type ConfigOut = Scheme['config'];
export type RuleValues = Omit<ConfigOut['rules'][number], 'cap' | 'perItemCap'> & {
  cap: string;
  perItemCap: string;
};
export interface SchemeValues {
  name: string;
  notes: string;
  config: Omit<ConfigOut, 'rules'> & { rules: RuleValues[] };
}

export function schemeToValues(s: Pick<Scheme, 'name' | 'notes' | 'config'>): SchemeValues {
  return {
    name: s.name,
    notes: s.notes,
    config: {
      ...s.config,
      rules: s.config.rules.map((r) => ({ ...r, cap: r.cap ?? '', perItemCap: r.perItemCap ?? '' })),
    },
  };
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** The PATCH body: a blank cap is no cap (null); everything else goes as typed for the contract to judge. */
export function valuesToBody(v: SchemeValues, version: number) {
  return {
    version,
    name: v.name,
    notes: v.notes ?? '',
    config: {
      ...v.config,
      rules: v.config.rules.map((r) => ({
        ...r,
        cap: blank(r.cap) ? null : r.cap,
        perItemCap: blank(r.perItemCap) ? null : r.perItemCap,
      })),
    },
  };
}

/**
 * zod issues, or the server's details turned into paths (paths from the body's root), as antd fields;
 * several messages on one field kept together.
 */
export function issuesToFields(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const byName = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const i of issues) {
    let name = i.path.filter((p): p is string | number => typeof p !== 'symbol');
    // a unit of a group is one choice of the group's multiple select: the select carries it
    const units = name.indexOf('unitIds');
    if (units >= 0) name = name.slice(0, units + 1);
    if (!name.length || name[0] === 'version') continue;
    const key = name.join('.');
    const hit = byName.get(key);
    if (hit) hit.errors.push(i.message);
    else byName.set(key, { name, errors: [i.message] });
  }
  return [...byName.values()];
}
