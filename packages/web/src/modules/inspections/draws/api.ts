// Hooks of the draws (双随机): the list, one draw, and its actions (each refreshes the draw).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { drawCreate, DrawDetail, DrawSummary } from '@ducha/contract';
import { api } from '../../../api/client.ts';
import { useList, useSave } from '../../../api/resource.ts';

export type DrawBody = z.input<typeof drawCreate>;
const R = 'draws';

export const useDraws = (params: { page: number; pageSize: number }) => useList<DrawSummary>(R, params);
export const useDraw = (id: string) =>
  useQuery({ queryKey: [R, 'one', id], queryFn: () => api.get<DrawDetail>(`/api/draws/${id}`) });
export const useCreateDraw = () => useSave(R, (b: DrawBody) => api.post<DrawDetail>('/api/draws', b));
export const useUpdateDraw = (id: number) =>
  useSave(R, (b: Omit<DrawBody, 'planId'> & { version: number }) =>
    api.put<DrawDetail>(`/api/draws/${id}`, b),
  );
export const useDrawAction = (id: number) =>
  useSave(
    R,
    ({ path, body }: { path: string; body: unknown }) => api.post<unknown>(`/api/draws/${id}/${path}`, body),
    ['inspections'],
  );
/** The plan helper's candidates of a theme (GET /api/inspection-themes/:id/pool). */
export const themePool = (themeId: number) =>
  api.get<{ items: { id: number }[] }>(`/api/inspection-themes/${themeId}/pool`, { page: 1, pageSize: 500 });
