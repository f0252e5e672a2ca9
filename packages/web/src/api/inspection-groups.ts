// Hooks for inspection groups (督查组), their weekly site records and month summary, and leading groups.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GroupMonthSummary,
  InspectionGroupDetail,
  InspectionGroupSummary,
  inspectionGroupCreate,
  inspectionGroupUpdate,
  LeadingGroup,
  leadingGroupCreate,
  leadingGroupUpdate,
  SiteRecord,
  siteRecordCreate,
  siteRecordUpdate,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { crudHooks, useList, useOne, useSave, type ListResult } from './resource.ts';

export type GroupCreateBody = z.input<typeof inspectionGroupCreate>;
export type GroupUpdateBody = z.input<typeof inspectionGroupUpdate>;
export type RecordCreateBody = z.input<typeof siteRecordCreate>;
export type RecordUpdateBody = z.input<typeof siteRecordUpdate>;

const R = 'inspection-groups';
export const useGroups = (params: object) => useList<InspectionGroupSummary>(R, params as QueryParams);
export const useGroup = (id: number | null | undefined) => useOne<InspectionGroupDetail>(R, id);
export const groupHooks = crudHooks<InspectionGroupDetail, GroupCreateBody, GroupUpdateBody>(R);

export const useRecords = (groupId: number, params: QueryParams) =>
  useQuery({
    queryKey: [R, 'records', groupId, params],
    queryFn: () => api.get<ListResult<SiteRecord>>(`/api/${R}/${groupId}/records`, params),
  });
export const useMonthSummary = (groupId: number, month: string) =>
  useQuery({
    queryKey: [R, 'summary', groupId, month],
    queryFn: () => api.get<GroupMonthSummary>(`/api/${R}/${groupId}/summary`, { month }),
  });
/** Records raise items: the ledger's lists refresh too. */
export const useCreateRecord = (groupId: number) =>
  useSave(R, (body: RecordCreateBody) => api.post<SiteRecord>(`/api/${R}/${groupId}/records`, body), [
    'items',
  ]);
export const useUpdateRecord = () =>
  useSave(R, ({ id, ...body }: RecordUpdateBody & { id: number }) =>
    api.patch<SiteRecord>(`/api/inspection-records/${id}`, body),
  );

export type LeadingCreateBody = z.input<typeof leadingGroupCreate>;
export type LeadingUpdateBody = z.input<typeof leadingGroupUpdate>;
export const useLeadingGroups = (params: object) =>
  useList<LeadingGroup>('leading-groups', params as QueryParams);
export const leadingHooks = crudHooks<LeadingGroup, LeadingCreateBody, LeadingUpdateBody>('leading-groups');
