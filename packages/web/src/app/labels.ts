// Display labels for contract enums and audit fields, in the current language (zh from the contract).
import { useMemo } from 'react';
import {
  actionLabels,
  regionLevelLabels,
  roleLabels,
  roles,
  unitTypeLabels,
  type Role,
  type unitTypes,
} from '@ducha/contract';
import { useI18n } from './i18n.tsx';
import type { MsgKey } from './messages/zh.ts';

type UnitType = (typeof unitTypes)[number];
type RegionLevel = keyof typeof regionLevelLabels;

const unitTypeEn: Record<UnitType, string> = {
  government: 'Government',
  department: 'Department',
  town: 'Town / street',
  zone: 'Development zone',
  soe: 'State-owned company',
  enterprise: 'Enterprise',
  other: 'Other',
};
const regionLevelEn: Record<RegionLevel, string> = {
  province: 'Province',
  city: 'City',
  county: 'County',
  town: 'Town',
};
const actionEn: Record<string, string> = {
  create: 'Created',
  update: 'Edited',
  deactivate: 'Deactivated',
  activate: 'Activated',
  change_holder: 'Holder changed',
  reset_password: 'Password reset',
  change_password: 'Password changed',
  login: 'Signed in',
  login_failed: 'Sign-in failed',
  locked: 'Account locked',
  logout: 'Signed out',
  create_token: 'Token created',
  revoke_token: 'Token revoked',
};

/** Audit diff field names that have a label in the dictionaries (`field.<name>`). */
const knownFields = new Set([
  'name',
  'shortName',
  'type',
  'regionCode',
  'parentId',
  'headPersonId',
  'liaisonPersonId',
  'phone',
  'active',
  'title',
  'unitId',
  'holderId',
  'holderName',
  'personId',
  'displayName',
  'role',
  'username',
  'level',
  'parentCode',
  'code',
  'lockedUntil',
  'mustChangePassword',
  'startDate',
  'endDate',
  'reason',
  'expiresAt',
  'revokedAt',
]);

export function useLabels() {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const role = (r: string) => (roles.includes(r as Role) ? roleLabels[r as Role][lang] : r);
    const unitType = (u: string) =>
      (lang === 'zh' ? unitTypeLabels[u as UnitType] : unitTypeEn[u as UnitType]) ?? u;
    const regionLevel = (l: string) =>
      (lang === 'zh' ? regionLevelLabels[l as RegionLevel] : regionLevelEn[l as RegionLevel]) ?? l;
    const action = (a: string) => (lang === 'zh' ? actionLabels[a] : actionEn[a]) ?? actionLabels[a] ?? a;
    const field = (raw: string) => {
      const f = raw.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()); // head_person_id → headPersonId
      return knownFields.has(f) ? t(`field.${f}` as MsgKey) : raw;
    };
    const value = (f: string, v: unknown): string => {
      if (v === null || v === undefined || v === '') return t('common.empty');
      if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
      if (f === 'role' && typeof v === 'string') return role(v);
      if (f === 'type' && typeof v === 'string') return unitType(v);
      if (f === 'level' && typeof v === 'string') return regionLevel(v);
      if (typeof v === 'object') return JSON.stringify(v);
      return String(v);
    };
    return { role, unitType, regionLevel, action, field, value, lang };
  }, [lang, t]);
}
