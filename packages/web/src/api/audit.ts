// Hooks for the audit log: one entity's timeline, or the whole log (admin).
import type { AuditEvent } from '@ducha/contract';
import { useList } from './resource.ts';

export interface AuditParams {
  entity?: string;
  id?: string;
  actorId?: number;
  page?: number;
  pageSize?: number;
  q?: string;
}

export const useAudit = (params: AuditParams, enabled = true) =>
  useList<AuditEvent>('audit', { ...params }, enabled);
