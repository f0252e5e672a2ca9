// Hooks of the procedure's pages: the list (我的稽察 too), one inspection, creating one, its
// findings and its steps (each refreshes the ledger too: the rectification notice raises items).
import type { z } from 'zod';
import type { findingCreate, InspectionDetail, inspectionCreate, InspectionStep } from '@ducha/contract';
import type { inspectionSummary } from '@ducha/contract';
import { api, type QueryParams } from '../../../api/client.ts';
import { uploadRawFile } from '../../../api/upload.ts';
import { downloadFile } from '../../../api/projects.ts';
import { useList, useOne, useSave } from '../../../api/resource.ts';

export type InspectionSummary = z.infer<typeof inspectionSummary>;
const R = 'inspections';
const also = ['items', 'notifications'];

export const useInspections = (params: QueryParams) => useList<InspectionSummary>(R, params);
export const useInspection = (id: number | null | undefined) => useOne<InspectionDetail>(R, id);
export const useCreateInspection = () =>
  useSave(R, (body: z.input<typeof inspectionCreate>) =>
    api.post<InspectionDetail>('/api/inspections', body),
  );
export const useAddFinding = () =>
  useSave(R, ({ id, ...body }: z.input<typeof findingCreate> & { id: number }) =>
    api.post<InspectionDetail>(`/api/inspections/${id}/findings`, body),
  );
export const useInspectionStep = () =>
  useSave(
    R,
    ({ id, ...body }: InspectionStep & { id: number }) =>
      api.post<InspectionDetail>(`/api/inspections/${id}/steps`, body),
    also,
  );
export const downloadDocument = (id: number, docId: number) =>
  downloadFile(`/api/inspections/${id}/documents/${docId}`, {}, 'document.docx');
export const uploadEvidence = (id: number, file: File, onProgress: (p: number) => void) =>
  uploadRawFile<{ id: number; name: string }>(`/api/inspections/${id}/attachments`, file, onProgress);
export const useDeleteEvidence = () =>
  useSave(R, (attachmentId: number) =>
    api.delete<{ ok: true }>(`/api/inspection-attachments/${attachmentId}`),
  );
