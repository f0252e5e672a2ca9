// Hooks for the organisation resources: regions, units, people, positions (DOMAIN §2).
import type { z } from 'zod';
import type {
  Person,
  Position,
  Region,
  Unit,
  personCreate,
  personQuery,
  personUpdate,
  positionCreate,
  positionDetail,
  positionHolderChange,
  positionQuery,
  positionUpdate,
  regionCreate,
  regionQuery,
  regionUpdate,
  unitCreate,
  unitQuery,
  unitUpdate,
} from '@ducha/contract';
import { api } from './client.ts';
import { crudHooks, useList, useOne, useSave } from './resource.ts';

type Q<S extends z.ZodType> = Partial<z.infer<S>>;
export type PositionDetail = z.infer<typeof positionDetail>;

// ---- regions (keyed by code; the list is every region in scope, flat) ----
export const useRegions = (params: Q<typeof regionQuery> = {}) => useList<Region>('regions', params);
export const useCreateRegion = () =>
  useSave('regions', (body: z.infer<typeof regionCreate>) => api.post<Region>('/api/regions', body), [
    'units',
  ]);
export const useUpdateRegion = () =>
  useSave(
    'regions',
    ({ code, ...body }: z.infer<typeof regionUpdate> & { code: string }) =>
      api.patch<Region>(`/api/regions/${code}`, body),
    ['units'],
  );

// ---- units ----
export const useUnits = (params: Q<typeof unitQuery>, enabled = true) =>
  useList<Unit>('units', params, enabled);
export const useUnit = (id: number | null | undefined) => useOne<Unit>('units', id);
export const unitHooks = crudHooks<Unit, z.infer<typeof unitCreate>, z.infer<typeof unitUpdate>>('units', [
  'people',
  'positions',
]);

// ---- people ----
export const usePeople = (params: Q<typeof personQuery>, enabled = true) =>
  useList<Person>('people', params, enabled);
export const usePerson = (id: number | null | undefined) => useOne<Person>('people', id);
export const personHooks = crudHooks<Person, z.infer<typeof personCreate>, z.infer<typeof personUpdate>>(
  'people',
  ['units', 'positions'],
);

// ---- positions ----
export const usePositions = (params: Q<typeof positionQuery>) => useList<Position>('positions', params);
export const usePosition = (id: number | null | undefined) => useOne<PositionDetail>('positions', id);
export const positionHooks = crudHooks<
  Position,
  z.infer<typeof positionCreate>,
  z.infer<typeof positionUpdate>
>('positions', ['people']);
export const useChangeHolder = () =>
  useSave(
    'positions',
    ({ id, ...body }: z.infer<typeof positionHolderChange> & { id: number }) =>
      api.post<PositionDetail>(`/api/positions/${id}/holder`, body),
    ['people'],
  );
