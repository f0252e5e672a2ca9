// Generic TanStack Query hooks for list/detail/mutation endpoints; per-resource modules wrap them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryParams } from './client.ts';

export interface ListResult<T> {
  items: T[];
  total: number;
}

/** `GET /api/<resource>?…` answering `{items,total}`; keeps the previous page while loading. */
export function useList<T>(resource: string, params: QueryParams = {}, enabled = true) {
  return useQuery({
    queryKey: [resource, 'list', params],
    queryFn: () => api.get<ListResult<T>>(`/api/${resource}`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `GET /api/<resource>/:id`. */
export function useOne<T>(resource: string, id: string | number | null | undefined) {
  return useQuery({
    queryKey: [resource, 'one', String(id)],
    queryFn: () => api.get<T>(`/api/${resource}/${encodeURIComponent(String(id))}`),
    enabled: id !== null && id !== undefined && id !== '',
  });
}

/**
 * A mutation that refreshes the resource's queries (and every audit timeline) once it succeeds.
 * `also` names other resources whose cached lists show the changed data (e.g. units show people).
 */
export function useSave<TVars, TRes>(
  resource: string,
  fn: (vars: TVars) => Promise<TRes>,
  also: string[] = [],
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([resource, ...also, 'audit'].map((key) => qc.invalidateQueries({ queryKey: [key] })));
    },
  });
}

/** Standard create/update hooks for `/api/<resource>` and `/api/<resource>/:id`. */
export function crudHooks<T, TCreate, TUpdate extends { version: number }>(
  resource: string,
  also: string[] = [],
) {
  return {
    useCreate: () => useSave(resource, (body: TCreate) => api.post<T>(`/api/${resource}`, body), also),
    useUpdate: () =>
      useSave(
        resource,
        ({ id, ...body }: TUpdate & { id: number | string }) =>
          api.patch<T>(`/api/${resource}/${encodeURIComponent(String(id))}`, body),
        also,
      ),
  };
}
