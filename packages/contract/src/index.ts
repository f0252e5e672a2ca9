/** The contract shared by server and web: schemas, types, error codes and messages, roles. */
import './jitless.ts'; // first: before any schema is built
import { z } from 'zod';

// Chinese first: zod's built-in messages in zh-CN for server and web alike.
z.config(z.locales.zhCN());

export * from './errors.ts';
export * from './common.ts';
export * from './access.ts';
export * from './org/schema.ts';
export * from './auth/schema.ts';
export * from './audit/schema.ts';
export * from './money.ts';
export * from './projects/schema.ts';
export * from './projects/plan.ts';
export * from './projects/procedures.ts';
export * from './projects/lists.ts';
export * from './projects/excel.ts';
export * from './reports/schema.ts';
export * from './reports/excel.ts';
export * from './items/schema.ts';
export * from './meetings/schema.ts';
export * from './workbench/schema.ts';
export * from './inspections/library.ts';
export * from './inspections/draws.ts';
export * from './inspections/procedure.ts';
export * from './inspections/groups.ts';
export * from './inspections/rfc3797.ts';
export * from './inspections/draw-verify.ts';
export * from './inspections/public.ts';
export * from './assessment/scheme.ts';
export * from './assessment/ledger.ts';
export * from './assessment/cards.ts';
export * from './assessment/credit.ts';
