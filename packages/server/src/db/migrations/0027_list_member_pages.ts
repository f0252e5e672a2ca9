/**
 * A list's members a page at a time (issue 12): a city's 重点项目 list holds 12,000 projects, and
 * its page showed them all from one answer (23 ms of the server's main thread, 19 pages a second).
 * The page now reads 50 members at a time, current members in project-code order, the change
 * history newest first, each from its own index. `project_list_members.project_code` keeps the
 * project's code beside the membership as `lights.project_code` does (a project's code never
 * changes), so the code order is one index of the list's rows; it covers the batch and the project
 * too, so the batch filter's counts and a page's keys are read off the index alone.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    alter table project_list_members add column project_code text;
    update project_list_members m set project_code = p.code from projects p where p.id = m.project_id;
    -- a membership written without the code gets it here (the app's one insert does not send it)
    create function project_list_members_project_code() returns trigger language plpgsql as $$
    begin
      new.project_code := (select code from projects where id = new.project_id);
      return new;
    end $$;
    create trigger project_list_members_project_code before insert on project_list_members
      for each row when (new.project_code is null) execute function project_list_members_project_code();
    alter table project_list_members alter column project_code set not null;

    -- current members in code order (the members tab), with what the batch filter and its counts need
    create index project_list_members_page_idx on project_list_members (list_id, project_code, id)
      include (batch, project_id) where removed_at is null;
    -- every membership, newest first (the history tab)
    create index project_list_members_history_idx on project_list_members (list_id, added_at desc, id desc);
    analyze project_list_members;
    `,
  );
}
