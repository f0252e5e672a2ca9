// Data hooks of inspections' library pages: plans, themes, pools, check items, firms, experts, inspectors, figures.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CheckItem,
  Expert,
  Figures,
  Firm,
  InspectionPlan,
  InspectionPlanDetail,
  InspectionTheme,
  Inspector,
  checkItemCreate,
  expertCreate,
  firmCreate,
  inspectionThemeCreate,
  inspectorCreate,
  poolProject,
} from '@ducha/contract';
import { api, type QueryParams } from '../../../api/client.ts';
import { crudHooks, useList, useOne, useSave, type ListResult } from '../../../api/resource.ts';

export const usePlans = (params: QueryParams) => useList<InspectionPlan>('inspection-plans', params);
export const usePlan = (id: number | null | undefined) =>
  useOne<InspectionPlanDetail>('inspection-plans', id);
export const useCreatePlan = () =>
  useSave('inspection-plans', (b: { regionCode: string; year: number; title: string }) =>
    api.post<InspectionPlanDetail>('/api/inspection-plans', b),
  );
export const useApprovePlan = () =>
  useSave('inspection-plans', ({ id, version }: { id: number; version: number }) =>
    api.post<InspectionPlanDetail>(`/api/inspection-plans/${id}/approve`, { version }),
  );

type ThemeBody = z.input<typeof inspectionThemeCreate>;
export const useSaveTheme = () =>
  useSave(
    'inspection-plans',
    ({ planId, id, version, ...b }: ThemeBody & { planId: number; id?: number; version?: number }) =>
      id
        ? api.patch<InspectionTheme>(`/api/inspection-themes/${id}`, { ...b, version })
        : api.post<InspectionTheme>(`/api/inspection-plans/${planId}/themes`, b),
  );
export const useDeleteTheme = () =>
  useSave('inspection-plans', (id: number) => api.delete(`/api/inspection-themes/${id}`));
export const usePool = (themeId: number | null, params: QueryParams) =>
  useQuery({
    queryKey: ['inspection-plans', 'pool', themeId, params],
    queryFn: () =>
      api.get<ListResult<z.infer<typeof poolProject>>>(`/api/inspection-themes/${themeId}/pool`, params),
    enabled: themeId !== null,
  });

export const useAddCheckItem = () =>
  useSave('inspection-plans', ({ planId, ...b }: z.input<typeof checkItemCreate> & { planId: number }) =>
    api.post<CheckItem>(`/api/inspection-plans/${planId}/check-items`, b),
  );
export const useDeleteCheckItem = () =>
  useSave('inspection-plans', (id: number) => api.delete(`/api/inspection-check-items/${id}`));

export const useFirms = (params: QueryParams) => useList<Firm>('inspection-firms', params);
export const firmHooks = crudHooks<
  Firm,
  z.input<typeof firmCreate>,
  Partial<z.input<typeof firmCreate>> & { version: number; active?: boolean }
>('inspection-firms', ['experts']);
export const useExperts = (params: QueryParams) => useList<Expert>('experts', params);
export const expertHooks = crudHooks<
  Expert,
  z.input<typeof expertCreate>,
  Partial<z.input<typeof expertCreate>> & { version: number; active?: boolean }
>('experts', ['inspection-firms']);
export const useInspectors = (params: QueryParams) => useList<Inspector>('inspectors', params);
export const inspectorHooks = crudHooks<
  Inspector,
  z.input<typeof inspectorCreate>,
  Partial<z.input<typeof inspectorCreate>> & { version: number; active?: boolean }
>('inspectors');

export const useFigures = (params: { year: number; regionCode?: string }) =>
  useQuery({
    queryKey: ['inspection-figures', params],
    queryFn: () => api.get<Figures>('/api/inspection-figures', params),
  });
