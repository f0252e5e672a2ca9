// Hooks of assessment's scores (issue 15): schemes and their preview, the score ledger with manual
// rows and exemptions, the recompute, rankings (红黑榜), a unit's score card and the 红黄牌.
// Every write refreshes the ledger's readers (rankings, cards, score card) too: they are sums of it.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Preview,
  Ranking,
  RecomputeMonthsResult,
  Scheme,
  SchemeSummary,
  ScoreCard,
  ScoreRow,
  WarningCard,
  cardAcknowledge,
  cardCreate,
  cardLift,
  exemptionRequest,
  manualRowCreate,
  recomputeMonthsBody,
  rowDecision,
  schemeCreate,
  schemeUpdate,
} from '@ducha/contract';
import { api, type QueryParams } from './client.ts';
import { downloadFile } from './projects.ts';
import { useList, useOne, useSave } from './resource.ts';

const SCHEMES = 'assessment-schemes';
const ROWS = 'score-rows';
const SCORES = 'scores';
const CARDS = 'warning-cards';
const readers = [ROWS, SCORES, CARDS];

// ---- schemes ----
export const useSchemes = (params: QueryParams) => useList<SchemeSummary>(SCHEMES, params);
export const useScheme = (id: number | null | undefined) => useOne<Scheme>(SCHEMES, id);
export const useCreateScheme = () =>
  useSave(SCHEMES, (body: z.input<typeof schemeCreate>) => api.post<Scheme>('/api/assessment-schemes', body));
export const useUpdateScheme = () =>
  useSave(SCHEMES, ({ id, ...body }: z.input<typeof schemeUpdate> & { id: number }) =>
    api.patch<Scheme>(`/api/assessment-schemes/${id}`, body),
  );
export const useReviseScheme = () =>
  useSave(SCHEMES, ({ id, version }: { id: number; version: number }) =>
    api.post<Scheme>(`/api/assessment-schemes/${id}/revise`, { version }),
  );
export const useActivateScheme = () =>
  useSave(
    SCHEMES,
    ({ id, version }: { id: number; version: number }) =>
      api.post<Scheme>(`/api/assessment-schemes/${id}/activate`, { version }),
    readers,
  );
export const useDeleteScheme = () =>
  useSave(SCHEMES, ({ id, version }: { id: number; version: number }) =>
    api.delete<{ ok: true }>(`/api/assessment-schemes/${id}?version=${version}`),
  );
/** The scheme applied to a month, written nowhere (a mutation: it is asked for, not cached). */
export const usePreviewScheme = () =>
  useSave('scheme-preview', ({ id, year, month }: { id: number; year: number; month: number }) =>
    api.post<Preview>(`/api/assessment-schemes/${id}/preview`, { year, month }),
  );

// ---- the ledger ----
export type ScoreRowList = { items: ScoreRow[]; total: number; sum: string };
export const useScoreRows = (params: QueryParams, enabled = true) =>
  useQuery({
    queryKey: [ROWS, 'list', params],
    queryFn: () => api.get<ScoreRowList>('/api/score-rows', params),
    enabled,
  });
export const useCreateManualRow = () =>
  useSave(ROWS, (body: z.input<typeof manualRowCreate>) => api.post<ScoreRow>('/api/score-rows', body), [
    SCORES,
  ]);
export const useDecideRow = () =>
  useSave(
    ROWS,
    ({ id, ...body }: z.input<typeof rowDecision> & { id: number }) =>
      api.post<ScoreRow>(`/api/score-rows/${id}/decision`, body),
    [SCORES],
  );
export const useAskExemption = () =>
  useSave(ROWS, ({ id, ...body }: z.input<typeof exemptionRequest> & { id: number }) =>
    api.post<ScoreRow>(`/api/score-rows/${id}/exemption`, body),
  );
export const useDecideExemption = () =>
  useSave(
    ROWS,
    ({ id, ...body }: z.input<typeof rowDecision> & { id: number }) =>
      api.post<ScoreRow>(`/api/score-rows/${id}/exemption/decision`, body),
    [SCORES],
  );
export const useRecomputeMonths = () =>
  useSave(
    ROWS,
    (body: z.input<typeof recomputeMonthsBody>) =>
      api.post<RecomputeMonthsResult>('/api/scores/recompute-months', body),
    [SCORES, CARDS],
  );
export const exportRows = (params: QueryParams) =>
  downloadFile('/api/score-rows.xlsx', params, '考核台账.xlsx');

// ---- rankings and the score card ----
export const useRanking = (params: { regionCode?: string; period: string }, enabled = true) =>
  useQuery({
    queryKey: [SCORES, 'ranking', params],
    queryFn: () => api.get<Ranking>('/api/scores/rankings', params),
    enabled,
    retry: false,
  });
export const exportRanking = (params: { regionCode?: string; period: string }) =>
  downloadFile('/api/scores/rankings.xlsx', params, '考核排名.xlsx');
export const useScoreCard = (params: { unitId?: number; year: number; regionCode?: string }) =>
  useQuery({
    queryKey: [SCORES, 'card', params],
    queryFn: () => api.get<ScoreCard>('/api/scores/card', params),
    enabled: params.unitId !== undefined,
    retry: false,
  });
export const exportScoreCard = (params: { unitId: number; year: number; regionCode?: string }) =>
  downloadFile('/api/scores/card.xlsx', params, '考核卡.xlsx');

// ---- 红黄牌 ----
export const useCards = (params: QueryParams) => useList<WarningCard>(CARDS, params);
export const useCard = (id: number | null | undefined) => useOne<WarningCard>(CARDS, id);
export const useIssueCard = () =>
  useSave(CARDS, (body: z.input<typeof cardCreate>) => api.post<WarningCard>('/api/warning-cards', body), [
    SCORES,
  ]);
export const useAcknowledgeCard = () =>
  useSave(CARDS, ({ id, ...body }: z.input<typeof cardAcknowledge> & { id: number }) =>
    api.post<WarningCard>(`/api/warning-cards/${id}/acknowledge`, body),
  );
export const useLiftCard = () =>
  useSave(
    CARDS,
    ({ id, ...body }: z.input<typeof cardLift> & { id: number }) =>
      api.post<WarningCard>(`/api/warning-cards/${id}/lift`, body),
    [SCORES],
  );
export const downloadNotice = (id: number) =>
  downloadFile(`/api/warning-cards/${id}/notice.docx`, {}, '警示通知.docx');
export const exportCards = (params: QueryParams) =>
  downloadFile('/api/warning-cards.xlsx', params, '红黄牌.xlsx');
