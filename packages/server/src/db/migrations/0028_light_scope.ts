/**
 * The light board's count on the lights alone (issue 12). A city's board counted its month's
 * lights by joining all 100,000 of the month with the city's 11,896 projects (12.6 ms of the
 * 13.7 ms a page costs PostgreSQL on the province; at 50 connections the board's p99 was 460 ms).
 * Each light now keeps its project's region code and active flag (`project_active`), and the
 * board's scope — the actor's region subtree, the region filter, active projects only — is one
 * range per region of `lights_scope_idx`, read off the index alone.
 *
 * The database keeps the copy true: a light written without them gets them from its project
 * (the month close writes none), and a project that moves region or is (de)activated carries its
 * lights along (at most one a month). Neither module writes the other's table.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table lights add column region_code text, add column project_active boolean;
    update lights l set region_code = p.region_code, project_active = p.active from projects p where p.id = l.project_id;
    alter table lights alter column region_code set not null, alter column project_active set not null;

    create function lights_project_scope() returns trigger language plpgsql as $$
    begin
      select region_code, active into new.region_code, new.project_active from projects where id = new.project_id;
      return new;
    end $$;
    create trigger lights_project_scope before insert on lights
      for each row when (new.region_code is null or new.project_active is null)
      execute function lights_project_scope();

    create function projects_lights_scope() returns trigger language plpgsql as $$
    begin
      update lights set region_code = new.region_code, project_active = new.active where project_id = new.id;
      return null;
    end $$;
    create trigger projects_lights_scope after update of region_code, active on projects
      for each row when (old.region_code is distinct from new.region_code or old.active is distinct from new.active)
      execute function projects_lights_scope();

    -- a month's lights of active projects by region: the board's count and its small sets
    create index lights_scope_idx on lights (year, month, region_code) where project_active;
    analyze lights;
    `,
  );
}
