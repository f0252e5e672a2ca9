// Hooks for sign-in, the current user, password change and personal API tokens.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApiToken,
  Me,
  apiTokenCreate,
  apiTokenCreated,
  changePasswordBody,
  loginBody,
} from '@ducha/contract';
import { api, isApiError } from './client.ts';
import { useList, useSave } from './resource.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when the session is missing or expired. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    // the session endpoint answers null rather than 401, so the sign-in page logs no error
    queryFn: async () => (await api.get<{ user: Me | null }>('/api/auth/session')).user,
    staleTime: 60_000,
    retry: (n, e) => !(isApiError(e) && e.status < 500) && n < 2,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof loginBody>) => api.post<Me>('/api/auth/login', body),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(ME_KEY, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>('/api/auth/logout', {}),
    onSettled: () => {
      // signed out first, so the shell unmounts; clearing the cache while its queries are still
      // mounted would refetch them (the bell's unread count) and log a 401
      qc.setQueryData(ME_KEY, null);
      setTimeout(() => qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' }), 100);
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.infer<typeof changePasswordBody>) => api.post<unknown>('/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export type ApiTokenCreated = z.infer<typeof apiTokenCreated>;
export const useTokens = () => useList<ApiToken>('tokens', { pageSize: 100 });
export const useCreateToken = () =>
  useSave('tokens', (body: z.infer<typeof apiTokenCreate>) => api.post<ApiTokenCreated>('/api/tokens', body));
export const useRevokeToken = () =>
  useSave('tokens', (id: number) => api.delete<unknown>(`/api/tokens/${id}`));
