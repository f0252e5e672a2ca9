// The public pages' reads (no session): approved plans, published draws, results notices.
import { useQuery } from '@tanstack/react-query';
import type {
  PublicDraw,
  PublicDrawSummary,
  PublicPlan,
  PublicPlanSummary,
  PublicResult,
} from '@ducha/contract';
import { api } from '../../../api/client.ts';

type List<T> = { items: T[]; total: number };
const one = <T>(key: string, path: string) => ({
  queryKey: ['public', key, path],
  queryFn: () => api.get<T>(path),
});

export const usePublicPlans = () =>
  useQuery(one<List<PublicPlanSummary>>('plans', '/api/public/plans?pageSize=100'));
export const usePublicPlan = (id: string) => useQuery(one<PublicPlan>('plan', `/api/public/plans/${id}`));
export const usePublicDraws = () =>
  useQuery(one<List<PublicDrawSummary>>('draws', '/api/public/draws?pageSize=100'));
export const usePublicDraw = (id: string) => useQuery(one<PublicDraw>('draw', `/api/public/draws/${id}`));
export const usePublicResults = () =>
  useQuery(one<List<PublicResult>>('results', '/api/public/results?pageSize=100'));
