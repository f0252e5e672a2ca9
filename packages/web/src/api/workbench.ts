// The workbench: what waits for the signed-in user (counts in scope) and the months pages open on.
import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '@ducha/contract';
import { api } from './client.ts';

export type { Workbench };

/** Refetched whenever a page mounts it, so counts follow the work done elsewhere. */
export const useWorkbench = (enabled = true) =>
  useQuery({
    queryKey: ['workbench'],
    queryFn: () => api.get<Workbench>('/api/workbench'),
    staleTime: 0,
    enabled,
  });
