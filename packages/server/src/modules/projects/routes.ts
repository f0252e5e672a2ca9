/** Routes of the project registry. Thin: validate, call the service. */
import {
  annualPlan,
  applyTemplate,
  batchResult,
  dictionaryItem,
  dictionaryItemCreate,
  dictionaryItemParams,
  dictionaryItemUpdate,
  dictionaryKinds,
  procedure,
  procedureCreate,
  procedureTemplate,
  procedureTemplateCreate,
  procedureUpdate,
  savedView,
  sharedSettings,
  savedViewCreate,
  okBody,
  idParams,
  milestoneActual,
  milestoneActualResult,
  ganttQuery,
  ganttRow,
  stageEvent,
  planApprove,
  planBatchApprove,
  planDraftInput,
  planDraftQuery,
  planDraftRow,
  planYearParams,
  listOf,
  project,
  projectCreate,
  projectQuery,
  projectUpdate,
  responsibilityUpdate,
  stageChange,
} from '@ducha/contract';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { entityReaders } from '../../platform/audit/routes.ts';
import {
  auditReadProject,
  changeStage,
  createProject,
  getProject,
  listProjects,
  stageHistory,
  updateProject,
} from './projects.ts';
import { batchOptions } from '../../platform/batch.ts';
import { approveDrafts, listPlanDrafts } from './plan-drafts.ts';
import { approveDraft, auditReadPlan, listPlans, saveDraft, setMilestoneActual } from './plans.ts';
import { ganttRows } from './gantt.ts';
import {
  addProcedure,
  applyProcedureTemplate,
  createTemplate,
  listProcedures,
  templatesInUse,
  updateProcedure,
} from './procedures.ts';
import { updateResponsibility } from './responsibility.ts';
import {
  addDictionaryItem,
  deleteView,
  listDictionary,
  listViews,
  saveView,
  sharedSettingsInfo,
  updateDictionaryItem,
} from '../../platform/settings.ts';
import { actorOf } from '../../platform/access/context.ts';

const read = { access: 'project.read' } as const;
const write = { access: 'project.write' } as const;
const tags = ['projects'];

export const projectRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    entityReaders.set('project', auditReadProject);
    entityReaders.set('annual_plan', auditReadPlan);

    app.get(
      '/api/projects',
      { config: read, schema: { tags, querystring: projectQuery, response: { 200: listOf(project) } } },
      (req) => listProjects(db, req.ctx, req.query),
    );
    app.get(
      '/api/projects/gantt',
      {
        config: read,
        schema: {
          tags,
          querystring: ganttQuery,
          response: { 200: z.array(ganttRow) },
        },
      },
      (req) => {
        const { planYear, ...filters } = req.query;
        return ganttRows(db, req.ctx, planYear, filters);
      },
    );
    app.get(
      '/api/projects/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: project } } },
      (req) => getProject(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/projects',
      { config: write, schema: { tags, body: projectCreate, response: { 201: project } } },
      async (req, reply) => reply.status(201).send(await createProject(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/projects/:id',
      { config: write, schema: { tags, params: idParams, body: projectUpdate, response: { 200: project } } },
      (req) => updateProject(db, req.ctx, req.params.id, req.body),
    );
    app.post(
      '/api/projects/:id/stage',
      { config: write, schema: { tags, params: idParams, body: stageChange, response: { 200: project } } },
      (req) => changeStage(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/api/projects/:id/stages',
      {
        config: read,
        schema: {
          tags,
          params: idParams,
          response: { 200: z.array(stageEvent) },
        },
      },
      (req) => stageHistory(db, req.ctx, req.params.id) as never,
    );
    app.put(
      '/api/projects/:id/responsibility',
      {
        config: write,
        schema: { tags, params: idParams, body: responsibilityUpdate, response: { 200: project } },
      },
      (req) => updateResponsibility(db, req.ctx, req.params.id, req.body),
    );

    app.get(
      '/api/projects/:id/plans',
      {
        config: read,
        schema: {
          tags,
          params: idParams,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: z.array(annualPlan) },
        },
      },
      (req) => listPlans(db, req.ctx, req.params.id, req.query.year),
    );
    app.put(
      '/api/projects/:id/plans/:year/draft',
      {
        config: write,
        schema: { tags, params: planYearParams, body: planDraftInput, response: { 200: annualPlan } },
      },
      (req) => saveDraft(db, req.ctx, req.params.id, req.params.year, req.body),
    );
    app.post(
      '/api/projects/:id/plans/:year/approve',
      {
        config: write,
        schema: { tags, params: planYearParams, body: planApprove, response: { 200: annualPlan } },
      },
      (req) => approveDraft(db, req.ctx, req.params.id, req.params.year, req.body),
    );
    app.get(
      '/api/plan-drafts',
      {
        config: read,
        schema: { tags, querystring: planDraftQuery, response: { 200: listOf(planDraftRow) } },
      },
      (req) => listPlanDrafts(db, req.ctx, req.query),
    );
    app.post(
      '/api/plan-drafts/approve',
      { config: write, schema: { tags, body: planBatchApprove, response: { 200: batchResult } } },
      (req) => approveDrafts(db, req.ctx, req.body, batchOptions(req)),
    );
    app.put(
      '/api/milestones/:id/actual',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: milestoneActual,
          response: { 200: milestoneActualResult },
        },
      },
      (req) => setMilestoneActual(db, req.ctx, req.params.id, req.body.actualDate),
    );

    app.get(
      '/api/projects/:id/procedures',
      { config: read, schema: { tags, params: idParams, response: { 200: z.array(procedure) } } },
      (req) => listProcedures(db, req.ctx, req.params.id),
    );
    app.post(
      '/api/projects/:id/procedures/apply-template',
      {
        config: write,
        schema: { tags, params: idParams, body: applyTemplate, response: { 200: z.array(procedure) } },
      },
      (req) => applyProcedureTemplate(db, req.ctx, req.params.id, req.body.templateId),
    );
    app.post(
      '/api/projects/:id/procedures',
      {
        config: write,
        schema: { tags, params: idParams, body: procedureCreate, response: { 201: procedure } },
      },
      async (req, reply) => reply.status(201).send(await addProcedure(db, req.ctx, req.params.id, req.body)),
    );
    app.patch(
      '/api/procedures/:id',
      {
        config: write,
        schema: { tags, params: idParams, body: procedureUpdate, response: { 200: procedure } },
      },
      (req) => updateProcedure(db, req.ctx, req.params.id, req.body),
    );
    app.get(
      '/api/procedure-templates',
      { config: read, schema: { tags, response: { 200: z.array(procedureTemplate) } } },
      () => templatesInUse(db),
    );
    app.post(
      '/api/procedure-templates',
      {
        config: write,
        schema: { tags, body: procedureTemplateCreate, response: { 201: procedureTemplate } },
      },
      async (req, reply) => reply.status(201).send(await createTemplate(db, req.ctx, req.body)),
    );

    const settings = ['settings'];
    app.get(
      '/api/dictionaries',
      {
        // codes and their labels, no one's data: every signed-in role shows them (an inspector's
        // site record raises problems by category, an expert's finding is categorised)
        config: { access: 'authenticated' },
        schema: {
          tags: settings,
          querystring: z.object({ kind: z.enum(dictionaryKinds).optional() }),
          response: { 200: z.array(dictionaryItem) },
        },
      },
      (req) => listDictionary(db, req.query.kind),
    );
    app.post(
      '/api/dictionaries',
      {
        config: write,
        schema: { tags: settings, body: dictionaryItemCreate, response: { 201: dictionaryItem } },
      },
      async (req, reply) => reply.status(201).send(await addDictionaryItem(db, req.ctx, req.body)),
    );
    app.patch(
      '/api/dictionaries/:kind/:code',
      {
        config: write,
        schema: {
          tags: settings,
          params: dictionaryItemParams,
          body: dictionaryItemUpdate,
          response: { 200: dictionaryItem },
        },
      },
      (req) => updateDictionaryItem(db, req.ctx, req.params.kind, req.params.code, req.body),
    );
    app.get(
      '/api/shared-settings',
      { config: { access: 'authenticated' }, schema: { tags: settings, response: { 200: sharedSettings } } },
      (req) => sharedSettingsInfo(db, actorOf(req.ctx)),
    );
    app.get(
      '/api/saved-views',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: settings,
          querystring: z.object({ page: z.string().min(1).max(50) }),
          response: { 200: z.array(savedView) },
        },
      },
      (req) => listViews(db, req.ctx, req.query.page),
    );
    app.post(
      '/api/saved-views',
      {
        config: { access: 'authenticated' },
        schema: { tags: settings, body: savedViewCreate, response: { 200: savedView } },
      },
      (req) => saveView(db, req.ctx, req.body),
    );
    app.delete(
      '/api/saved-views/:id',
      {
        config: { access: 'authenticated' },
        schema: { tags: settings, params: idParams, response: { 200: okBody } },
      },
      async (req) => {
        await deleteView(db, req.ctx, req.params.id);
        return { ok: true as const };
      },
    );
  };
