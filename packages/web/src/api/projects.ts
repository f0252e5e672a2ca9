// Hooks for the project registry (DOMAIN §3): projects, plans, procedures, lists, views, Excel in and out.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  GanttRow,
  SharedSettings,
  AnnualPlan,
  BatchResult,
  PlanDraftRow,
  ImportResult,
  ListMemberPage,
  Procedure,
  Project,
  ProjectList,
  ProjectListHeader,
  Stage,
  dictionaryItem,
  dictionaryItemCreate,
  dictionaryItemUpdate,
  listAdjustment,
  listCreate,
  memberChangeResult,
  planDraftInput,
  procedureCreate,
  procedureTemplate,
  procedureTemplateCreate,
  procedureUpdate,
  projectCreate,
  projectListDetail,
  projectMembership,
  projectUpdate,
  responsibilityUpdate,
  savedView,
  stageChange,
} from '@ducha/contract';
import {
  ApiError,
  api,
  apiErrorOf,
  csrfHeader,
  langHeader,
  toQueryString,
  type QueryParams,
} from './client.ts';
import { crudHooks, useList, useOne, useSave } from './resource.ts';

export type DictionaryItem = z.infer<typeof dictionaryItem>;
export type SavedView = z.infer<typeof savedView>;
export type ProcedureTemplate = z.infer<typeof procedureTemplate>;
export type ListAdjustment = z.infer<typeof listAdjustment>;
export type MemberChangeResult = z.infer<typeof memberChangeResult>;
export type ListMember = z.infer<typeof projectListDetail>['members'][number];
export type { ListMemberPage, ProjectListHeader };
export type PlanDraftBody = z.input<typeof planDraftInput>;

/** Filters of `GET /api/projects` (and of the Excel export, which takes the same ones). */
export type ProjectFilters = {
  year?: number;
  listId?: number;
  batch?: string;
  sector?: string;
  regionCode?: string;
  unitId?: number;
  leaderPositionId?: number;
  stage?: Stage;
  includeInactive?: boolean;
  sort?: 'code' | 'name' | 'totalInvestment' | '-totalInvestment' | 'stage';
};

// ---- projects ----
export const useProjects = (params: QueryParams, enabled = true) =>
  useList<Project>('projects', params, enabled);
export const useProject = (id: number | null | undefined) => useOne<Project>('projects', id);
export const projectHooks = crudHooks<Project, z.input<typeof projectCreate>, z.input<typeof projectUpdate>>(
  'projects',
  ['project-lists'],
);
export const useChangeStage = () =>
  useSave('projects', ({ id, ...body }: z.input<typeof stageChange> & { id: number }) =>
    api.post<Project>(`/api/projects/${id}/stage`, body),
  );
export const useStageHistory = (id: number) =>
  useQuery({
    queryKey: ['projects', 'stages', id],
    queryFn: () =>
      api.get<{ stage: Stage; date: string; reason: string | null }[]>(`/api/projects/${id}/stages`),
  });
export const useUpdateResponsibility = () =>
  useSave('projects', ({ id, ...body }: z.input<typeof responsibilityUpdate> & { id: number }) =>
    api.put<Project>(`/api/projects/${id}/responsibility`, body),
  );

// ---- annual plans ----
/** Every plan of the project (all years, or one): drafts first, then baselines newest first. */
export const usePlans = (projectId: number, year?: number, enabled = true) =>
  useQuery({
    queryKey: ['projects', 'plans', projectId, year ?? 'all'],
    queryFn: () => api.get<AnnualPlan[]>(`/api/projects/${projectId}/plans`, { year }),
    enabled,
  });
export const useSaveDraft = () =>
  useSave(
    'projects',
    ({ id, year, ...body }: PlanDraftBody & { id: number; year: number }) =>
      api.put<AnnualPlan>(`/api/projects/${id}/plans/${year}/draft`, body),
    ['plan-drafts'],
  );
export const useApprovePlan = () =>
  useSave(
    'projects',
    ({ id, year, ...body }: { id: number; year: number; version: number; effectiveFrom?: string }) =>
      api.post<AnnualPlan>(`/api/projects/${id}/plans/${year}/approve`, body),
    ['plan-drafts'],
  );
/** The year's plan drafts waiting for approval in scope (`GET /api/plan-drafts`). */
export const usePlanDrafts = (params: QueryParams, enabled = true) =>
  useList<PlanDraftRow>('plan-drafts', params, enabled);
/** Approves several drafts with one reason and one effective date; the answer lists each one. */
export const useApproveDrafts = () =>
  useSave(
    'plan-drafts',
    (body: { plans: { id: number; version: number }[]; reason: string; effectiveFrom?: string }) =>
      api.post<BatchResult>('/api/plan-drafts/approve', body),
    ['projects'],
  );
export const useMilestoneActual = () =>
  useSave('projects', ({ id, actualDate }: { id: number; actualDate: string | null }) =>
    api.put<{ id: number; actualDate: string | null }>(`/api/milestones/${id}/actual`, { actualDate }),
  );

// ---- preliminary procedures ----
export const useProcedures = (projectId: number) =>
  useQuery({
    queryKey: ['projects', 'procedures', projectId],
    queryFn: () => api.get<Procedure[]>(`/api/projects/${projectId}/procedures`),
  });
export const useProcedureTemplates = () =>
  useQuery({
    queryKey: ['procedure-templates'],
    queryFn: () => api.get<ProcedureTemplate[]>('/api/procedure-templates'),
    staleTime: 300_000,
  });
export const useCreateTemplate = () =>
  useSave('procedure-templates', (body: z.input<typeof procedureTemplateCreate>) =>
    api.post<ProcedureTemplate>('/api/procedure-templates', body),
  );
export const useApplyTemplate = () =>
  useSave('projects', ({ id, templateId }: { id: number; templateId: number }) =>
    api.post<Procedure[]>(`/api/projects/${id}/procedures/apply-template`, { templateId }),
  );
export const useAddProcedure = () =>
  useSave('projects', ({ id, ...body }: z.input<typeof procedureCreate> & { id: number }) =>
    api.post<Procedure>(`/api/projects/${id}/procedures`, body),
  );
export const useUpdateProcedure = () =>
  useSave('projects', ({ id, ...body }: z.input<typeof procedureUpdate> & { id: number }) =>
    api.patch<Procedure>(`/api/procedures/${id}`, body),
  );

// ---- dictionaries and saved views ----
/**
 * Whether the user may change the settings every region shares (dictionaries, working-day
 * corrections, the items' deadlines and ladder): the admin and the home office (the city's).
 */
export const useSharedSettings = () =>
  useQuery({
    queryKey: ['shared-settings'],
    queryFn: () => api.get<SharedSettings>('/api/shared-settings'),
    staleTime: 300_000,
  });
export const useDictionary = (kind: DictionaryItem['kind'], enabled = true) =>
  useQuery({
    queryKey: ['dictionaries', kind],
    queryFn: () => api.get<DictionaryItem[]>('/api/dictionaries', { kind }),
    staleTime: 300_000,
    enabled,
  });
/** Adds an entry to a dictionary (the office's 字典管理). */
export const useAddDictionaryItem = () =>
  useSave('dictionaries', (body: z.input<typeof dictionaryItemCreate>) =>
    api.post<DictionaryItem>('/api/dictionaries', body),
  );
/** Edits an entry (labels, order, active) with the version read. */
export const useUpdateDictionaryItem = () =>
  useSave(
    'dictionaries',
    ({ kind, code, ...body }: z.input<typeof dictionaryItemUpdate> & Pick<DictionaryItem, 'kind' | 'code'>) =>
      api.patch<DictionaryItem>(`/api/dictionaries/${kind}/${encodeURIComponent(code)}`, body),
  );
export const useSavedViews = (page: string) =>
  useQuery({
    queryKey: ['saved-views', page],
    queryFn: () => api.get<SavedView[]>('/api/saved-views', { page }),
  });
export const useSaveView = () =>
  useSave('saved-views', (body: { page: string; name: string; query: Record<string, unknown> }) =>
    api.post<SavedView>('/api/saved-views', body),
  );
export const useDeleteView = () =>
  useSave('saved-views', (id: number) => api.delete<{ ok: true }>(`/api/saved-views/${id}`));

// ---- project lists ----
export const useProjectLists = (params: { year?: number; level?: ProjectList['level'] } = {}) =>
  useList<ProjectList>('project-lists', { ...params });
/** A list's header: what it is, what the caller may do; its members come a page at a time. */
export const useProjectList = (id: number | null | undefined) =>
  useQuery({
    queryKey: ['project-lists', 'one', String(id)],
    queryFn: () => api.get<ProjectListHeader>(`/api/project-lists/${id}`, { members: 'none' }),
    enabled: id !== null && id !== undefined,
  });
/** Filters of `GET /api/project-lists/:id/members`. */
export type MemberFilters = { page: number; pageSize: number; batch?: string; q?: string; history?: boolean };
/** A page of a list's members (current by code, or the history newest first), with the batch counts. */
export const useListMembers = (listId: number, params: MemberFilters) =>
  useQuery({
    queryKey: ['project-lists', 'members', listId, params],
    queryFn: () => api.get<ListMemberPage>(`/api/project-lists/${listId}/members`, params),
    placeholderData: keepPreviousData,
  });
/** The lists a project is or was on (its 名单 tab); refreshed with the lists. */
export const useProjectMemberships = (projectId: number) =>
  useQuery({
    queryKey: ['project-lists', 'of-project', projectId],
    queryFn: () => api.get<z.infer<typeof projectMembership>[]>(`/api/projects/${projectId}/lists`),
  });
export const useCreateList = () =>
  useSave('project-lists', (body: z.input<typeof listCreate>) =>
    api.post<ProjectList>('/api/project-lists', body),
  );
export const usePublishList = () =>
  useSave('project-lists', ({ id, version }: { id: number; version: number }) =>
    api.post<ProjectList>(`/api/project-lists/${id}/publish`, { version }),
  );

export type MemberChange =
  | { kind: 'add'; listId: number; projectId: number; batch: string; reason?: string | null }
  | { kind: 'change_batch'; listId: number; projectId: number; batch: string; reason?: string | null }
  | { kind: 'remove'; listId: number; projectId: number; reason?: string | null };

/** Adds, re-batches or removes a member; on a published list the answer is a pending request. */
export const useMemberChange = () =>
  useSave(
    'project-lists',
    (c: MemberChange) => {
      const base = `/api/project-lists/${c.listId}/members`;
      if (c.kind === 'add')
        return api.post<MemberChangeResult>(base, {
          projectId: c.projectId,
          batch: c.batch,
          reason: c.reason,
        });
      if (c.kind === 'change_batch')
        return api.patch<MemberChangeResult>(`${base}/${c.projectId}`, { batch: c.batch, reason: c.reason });
      return api.post<MemberChangeResult>(`${base}/${c.projectId}/remove`, { reason: c.reason });
    },
    ['projects'],
  );
export const useAdjustments = (listId: number) =>
  useQuery({
    queryKey: ['project-lists', 'adjustments', listId],
    queryFn: () => api.get<ListAdjustment[]>(`/api/project-lists/${listId}/adjustments`),
  });
export const useDecideAdjustment = () =>
  useSave(
    'project-lists',
    ({ id, ...body }: { id: number; approve: boolean; note?: string | null }) =>
      api.post<ListAdjustment>(`/api/list-adjustments/${id}/decide`, body),
    ['projects'],
  );

// ---- Excel in and out (binary bodies: outside the JSON client) ----

/** Downloads a file answered by a GET (export, template) under the server's file name. */
export async function downloadFile(path: string, params: QueryParams = {}, fallbackName = 'download.xlsx') {
  const res = await fetch(path + toQueryString(params), {
    credentials: 'same-origin',
    headers: langHeader(),
  });
  if (!res.ok) throw apiErrorOf(res.status, res.statusText, await res.text());
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(cd)?.[1];
  const name = star ? decodeURIComponent(star) : (plain ?? fallbackName);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends an .xlsx to the import endpoint (dry run or commit), reporting upload progress 0–100. */
export function uploadImport(
  file: Blob,
  mode: 'dry-run' | 'commit',
  onProgress?: (percent: number) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/projects/import?mode=${mode}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    xhr.setRequestHeader('Accept', 'application/json');
    for (const [k, v] of Object.entries(langHeader())) xhr.setRequestHeader(k, v);
    for (const [k, v] of Object.entries(csrfHeader())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as ImportResult);
        } catch {
          reject(apiErrorOf(xhr.status, xhr.statusText, ''));
        }
      } else reject(apiErrorOf(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'Network error'));
    xhr.send(file);
  });
}

/** Every filtered project with its year's milestones, in one request (the Gantt page). */
export const useGantt = (filters: QueryParams, planYear: number) =>
  useQuery({
    queryKey: ['projects', 'gantt', planYear, filters],
    queryFn: () => api.get<GanttRow[]>('/api/projects/gantt', { ...filters, planYear }),
  });
