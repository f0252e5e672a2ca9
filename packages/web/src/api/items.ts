// Hooks for supervised items (DOMAIN §6): the ledger, one item and its steps, attachments,
// escalation proposals, indicators, settings and the category dictionary.
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  defaultItemCategories,
  type BatchResult,
  type Item,
  type ItemIndicatorRow,
  type ItemKind,
  type ItemSettings,
  type ItemStatus,
  type Lang,
  type escalationProposal,
  type itemAttachment,
  type itemCreate,
  type itemDetail,
  type itemEvent,
  type itemIndicatorDimensions,
  type itemSettingsUpdate,
  type itemStep,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { useDictionary } from './projects.ts';
import { useList, useOne, useSave } from './resource.ts';
import { uploadRawFile } from './upload.ts';

export type ItemDetail = z.infer<typeof itemDetail>;
export type ItemEvent = z.infer<typeof itemEvent>;
export type ItemAttachment = z.infer<typeof itemAttachment>;
export type EscalationProposal = z.infer<typeof escalationProposal>;
export type ItemCreateBody = z.input<typeof itemCreate>;
export type ItemStepBody = z.input<typeof itemStep>;
export type ItemSettingsBody = z.input<typeof itemSettingsUpdate>;
export type ItemDimension = (typeof itemIndicatorDimensions)[number];

/** Filters of `GET /api/items` (and of its Excel export). */
export type ItemFilters = {
  kind?: ItemKind;
  status?: ItemStatus;
  open?: boolean;
  category?: string;
  unitId?: number;
  projectId?: number;
  level?: number;
  listed?: boolean;
  overdue?: boolean;
  /** raised: what I raised; toAnswer: assigned or returned to my unit */
  mine?: 'raised' | 'toAnswer';
  regionCode?: string;
  month?: string;
  sort?: 'raisedAt' | '-raisedAt' | 'due' | 'level' | '-level' | 'code';
};

const R = 'items';
/** Steps change notifications (assigned, reminded, …) and the project's items tab. */
const also = ['notifications'];

export const useItems = (params: QueryParams, enabled = true) => useList<Item>(R, params, enabled);
export const useItem = (id: number | null | undefined) => useOne<ItemDetail>(R, id);
export const useCreateItem = () =>
  useSave(R, (body: ItemCreateBody) => api.post<ItemDetail>('/api/items', body), also);
export const useItemStep = () =>
  useSave(
    R,
    ({ id, ...body }: ItemStepBody & { id: number }) => api.post<ItemDetail>(`/api/items/${id}/steps`, body),
    also,
  );

/** 催办 several items at once, each as a single 催办 (the answer lists each one). */
export const useRemindItems = () =>
  useSave(
    R,
    ({ items, note }: { items: { id: number; version: number }[]; note?: string | null }) =>
      api.post<BatchResult>('/api/items/remind', { items, note }),
    also,
  );

// ---- escalation proposals ----
export const useEscalations = (enabled = true) =>
  useQuery({
    queryKey: [R, 'escalations'],
    queryFn: () => api.get<EscalationProposal[]>('/api/items/escalations'),
    enabled,
  });
export const useDismissProposal = () =>
  useSave(R, ({ id, reason }: { id: number; reason: string }) =>
    api.post<{ ok: true }>(`/api/items/${id}/dismiss-proposal`, { reason }),
  );

// ---- indicators ----
export const useItemIndicators = (by: ItemDimension, year: number) =>
  useQuery({
    queryKey: [R, 'indicators', by, year],
    queryFn: () => api.get<ItemIndicatorRow[]>('/api/items/indicators', { by, year }),
  });

// ---- attachments (evidence of resolution) ----
export const uploadItemAttachment = (itemId: number, file: File, onProgress?: (percent: number) => void) =>
  uploadRawFile<ItemAttachment>(`/api/items/${itemId}/attachments`, file, onProgress);
export const useDeleteItemAttachment = () =>
  useSave(R, (id: number) => api.delete<{ ok: true }>(`/api/item-attachments/${id}`));

// ---- settings ----
export const useItemSettings = () =>
  useQuery({ queryKey: ['item-settings'], queryFn: () => api.get<ItemSettings>('/api/item-settings') });
export const useSaveItemSettings = () =>
  useSave('item-settings', (body: ItemSettingsBody) => api.put<ItemSettings>('/api/item-settings', body), [
    R,
  ]);

/**
 * Category options: the `item_category` dictionary (active entries, labelled in `lang`), else the
 * default list; `current` adds values already in use (inactive ones too). Values are the codes items
 * store. The dictionaries are read with project.read: `dictionary` says whether the user holds it
 * (others, inspectors, get the defaults).
 */
export function useItemCategories({
  current = [],
  dictionary,
  lang = 'zh',
}: {
  current?: readonly string[];
  dictionary: boolean;
  lang?: Lang;
}) {
  const { data } = useDictionary('item_category', dictionary);
  return useMemo(() => {
    const label = (d: { label: string; labelEn: string | null }) => (lang === 'en' && d.labelEn) || d.label;
    const all = data ?? [];
    const dict = all.filter((d) => d.active).map((d) => ({ value: d.code, label: label(d) }));
    const items = dict.length ? dict : defaultItemCategories.map((c) => ({ value: c, label: c }));
    const seen = new Set(items.map((o) => o.value));
    const labelOf = (c: string) => {
      const d = all.find((x) => x.code === c);
      return d ? label(d) : c;
    };
    return [
      ...items,
      ...current.filter((c) => c && !seen.has(c)).map((c) => ({ value: c, label: labelOf(c) })),
    ];
  }, [data, current, lang]);
}
