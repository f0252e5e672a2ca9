// Data hooks of enterprise credit: the directory, its status changes, quarterly evaluations, credit
// records, and the public list of admitted firms (no session).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreditRecord,
  Enterprise,
  Evaluation,
  creditRecordCreate,
  enterpriseCreate,
  enterpriseStatusChange,
  enterpriseUpdate,
  evaluationCreate,
  publicEnterprise,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { crudHooks, useList, useOne, useSave, type ListResult } from './resource.ts';

export type PublicEnterprise = z.infer<typeof publicEnterprise>;

// a new evaluation or record changes the directory's counts and scores: refresh it too
const related = ['enterprises', 'enterprise-evaluations', 'credit-records'];

export const useEnterprises = (params: QueryParams) => useList<Enterprise>('enterprises', params);
export const useEnterprise = (id: number | string | undefined) => useOne<Enterprise>('enterprises', id);
export const enterpriseHooks = crudHooks<
  Enterprise,
  z.input<typeof enterpriseCreate>,
  z.input<typeof enterpriseUpdate>
>('enterprises');
export const useChangeStatus = () =>
  useSave('enterprises', ({ id, ...b }: z.input<typeof enterpriseStatusChange> & { id: number }) =>
    api.post<Enterprise>(`/api/enterprises/${id}/status`, b),
  );

export const useEvaluations = (params: QueryParams, enabled = true) =>
  useList<Evaluation>('enterprise-evaluations', params, enabled);
export const useCreateEvaluation = () =>
  useSave(
    'enterprise-evaluations',
    (b: z.input<typeof evaluationCreate>) => api.post<Evaluation>('/api/enterprise-evaluations', b),
    related,
  );

export const useCreditRecords = (params: QueryParams, enabled = true) =>
  useList<CreditRecord>('credit-records', params, enabled);
export const useCreateCreditRecord = () =>
  useSave(
    'credit-records',
    (b: z.input<typeof creditRecordCreate>) => api.post<CreditRecord>('/api/credit-records', b),
    related,
  );

export const usePublicEnterprises = (params: QueryParams) =>
  useQuery({
    queryKey: ['public', 'enterprises', params],
    queryFn: () => api.get<ListResult<PublicEnterprise>>('/api/public/enterprises', params),
  });
