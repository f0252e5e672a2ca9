// Hooks for meetings (DOMAIN §8): the calendar, series, one meeting with its agenda, outcomes,
// dispositions, attendance, attendance counts, and the minutes (preview and downloads).
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  attendanceCount,
  attendanceUpdate,
  dispositionSet,
  entryCreate,
  MeetingAction,
  meetingCreate,
  MeetingDetail,
  MeetingSeries,
  MeetingSummary,
  meetingUpdate,
  Minutes,
  outcomeCreate,
  seriesCreate,
  seriesDetail,
  seriesUpdate,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { downloadFile } from './projects.ts';
import { useList, useOne, useSave } from './resource.ts';

export type SeriesDetail = z.infer<typeof seriesDetail>;
export type SeriesCreateBody = z.input<typeof seriesCreate>;
export type SeriesUpdateBody = z.input<typeof seriesUpdate>;
export type MeetingCreateBody = z.input<typeof meetingCreate>;
export type MeetingUpdateBody = z.input<typeof meetingUpdate>;
export type OutcomeBody = z.input<typeof outcomeCreate>;
export type DispositionBody = z.input<typeof dispositionSet>;
export type AttendanceBody = z.input<typeof attendanceUpdate>;
export type AttendanceCount = z.infer<typeof attendanceCount>;
export type EntryBody = z.input<typeof entryCreate>;

const R = 'meetings';
/** Outcomes raise and step items: the ledger's lists refresh too. */
const also = ['items', 'meeting-series', 'notifications'];

export const useMeetings = (params: QueryParams, enabled = true) =>
  useList<MeetingSummary>(R, params, enabled);
export const useMeeting = (id: number | null | undefined) => useOne<MeetingDetail>(R, id);
export const useSeriesList = (params: QueryParams) => useList<MeetingSeries>('meeting-series', params);
export const useSeries = (id: number | null | undefined) => useOne<SeriesDetail>('meeting-series', id);

export const useCreateSeries = () =>
  useSave('meeting-series', (body: SeriesCreateBody) => api.post<SeriesDetail>('/api/meeting-series', body), [
    R,
  ]);
/** Edits a series; its meetings still being planned follow, so the calendar refreshes too. */
export const useUpdateSeries = () =>
  useSave(
    'meeting-series',
    ({ id, ...body }: SeriesUpdateBody & { id: number }) =>
      api.patch<SeriesDetail>(`/api/meeting-series/${id}`, body),
    [R],
  );
export const useCreateMeeting = () =>
  useSave(R, (body: MeetingCreateBody) => api.post<MeetingDetail>('/api/meetings', body), also);
export const useUpdateMeeting = () =>
  useSave(
    R,
    ({ id, ...body }: MeetingUpdateBody & { id: number }) =>
      api.patch<MeetingDetail>(`/api/meetings/${id}`, body),
    also,
  );
export const useMeetingTransition = () =>
  useSave(
    R,
    (v: { id: number; action: MeetingAction; version: number; reason?: string | null }) =>
      api.post<MeetingDetail>(`/api/meetings/${v.id}/transitions`, {
        action: v.action,
        version: v.version,
        reason: v.reason,
      }),
    also,
  );
export const useGenerateAgenda = () =>
  useSave(
    R,
    (v: { id: number; version: number }) =>
      api.post<MeetingDetail>(`/api/meetings/${v.id}/agenda`, { version: v.version }),
    also,
  );
export const useAddEntry = () =>
  useSave(
    R,
    ({ id, ...body }: EntryBody & { id: number }) =>
      api.post<MeetingDetail>(`/api/meetings/${id}/entries`, body),
    also,
  );
export const useMoveEntry = () =>
  useSave(
    R,
    (v: { entryId: number; version: number; direction: 'up' | 'down' }) =>
      api.post<MeetingDetail>(`/api/meeting-entries/${v.entryId}/move`, {
        version: v.version,
        direction: v.direction,
      }),
    also,
  );
export const useRemoveEntry = () =>
  useSave(
    R,
    (v: { entryId: number; version: number }) =>
      api.delete<MeetingDetail>(`/api/meeting-entries/${v.entryId}?version=${v.version}`),
    also,
  );
export const useAddOutcome = () =>
  useSave(
    R,
    ({ entryId, ...body }: OutcomeBody & { entryId: number }) =>
      api.post<MeetingDetail>(`/api/meeting-entries/${entryId}/outcomes`, body),
    also,
  );
export const useSetDisposition = () =>
  useSave(
    R,
    ({ entryId, ...body }: DispositionBody & { entryId: number }) =>
      api.post<MeetingDetail>(`/api/meeting-entries/${entryId}/disposition`, body),
    also,
  );
export const useSaveAttendance = () =>
  useSave(
    R,
    ({ id, ...body }: AttendanceBody & { id: number }) =>
      api.put<MeetingDetail>(`/api/meetings/${id}/attendance`, body),
    also,
  );

export const useAttendanceCounts = (month: string) =>
  useQuery({
    queryKey: [R, 'attendance', month],
    queryFn: () => api.get<AttendanceCount[]>('/api/meeting-attendance', { month }),
  });

export const useMinutes = (id: number, enabled = true) =>
  useQuery({
    queryKey: [R, 'minutes', id],
    queryFn: () => api.get<Minutes>(`/api/meetings/${id}/minutes`),
    enabled,
  });

export const downloadMinutes = (id: number, format: 'docx' | 'html', title: string) =>
  downloadFile(`/api/meetings/${id}/minutes.${format}`, {}, `${title}.${format}`);
