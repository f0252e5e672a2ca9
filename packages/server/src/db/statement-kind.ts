/**
 * What a statement's text is, for the two drivers that prepare queries once per connection
 * (`pg-prepared.ts`, `pglite-worker.ts`): a query, to name and prepare; transaction control;
 * a read about the database (EXPLAIN, SHOW), which changes nothing; or anything else (DDL, SET),
 * after which statements prepared before it must not run again. EXPLAIN is here because every
 * paged list asks for the planner's estimate (`plannedRows`): counted as a change, it threw the
 * prepared statements away on every list request.
 */
export type StatementKind = 'query' | 'transaction' | 'inspection' | 'change';

const kinds: [RegExp, StatementKind][] = [
  [/^\s*(select|insert|update|delete|with)\b/i, 'query'],
  [/^\s*(begin|start transaction|commit|rollback|end|savepoint|release)\b/i, 'transaction'],
  [/^\s*(explain|show)\b/i, 'inspection'],
];

export const statementKind = (text: string): StatementKind =>
  kinds.find(([pattern]) => pattern.test(text))?.[1] ?? 'change';
