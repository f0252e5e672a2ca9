// Hooks for user accounts: list, create, edit, reset password, unlock.
import type { z } from 'zod';
import type { User, userCreate, userQuery, userUpdate, userWithPassword } from '@ducha/contract';
import { api } from './client.ts';
import { crudHooks, useList, useSave } from './resource.ts';

export type UserWithPassword = z.infer<typeof userWithPassword>;

export const useUsers = (params: Partial<z.infer<typeof userQuery>>) => useList<User>('users', params);
const base = crudHooks<User, z.infer<typeof userCreate>, z.infer<typeof userUpdate>>('users', ['people']);
export const useUpdateUser = base.useUpdate;
export const useCreateUser = () =>
  useSave('users', (body: z.infer<typeof userCreate>) => api.post<UserWithPassword>('/api/users', body), [
    'people',
  ]);
export const useResetPassword = () =>
  useSave('users', (id: number) => api.post<UserWithPassword>(`/api/users/${id}/reset-password`, {}));
export const useUnlockUser = () =>
  useSave('users', (id: number) => api.post<User>(`/api/users/${id}/unlock`, {}));
