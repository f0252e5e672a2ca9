/**
 * Fast reads (issue 12): an index for each filter and sort the list reads use — the project list,
 * a list's members, the reports lists (the verification queue, a month's reports), the light
 * board, audit timelines and the org lists — each sort with its tie-break, so a page of 25 is read
 * off an index instead of sorting every matching row. Trigram indexes serve the text search
 * (ILIKE '%…%') on project codes and names.
 *
 * The light board sorts by colour, then by project code: `lights.project_code` keeps the code
 * beside the light (a project's code never changes: no edit, the Excel import matches on it), so
 * a month's board is one index in its own order.
 */
import type { Kysely } from 'kysely';
import { runStatements } from './statements.ts';

export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    -- also in 0012 (items); harmless twice
    create extension if not exists pg_trgm;

    -- the project list: each sort with the id as tie-break, text search by trigrams
    create index projects_code_sort_idx on projects (code, id);
    create index projects_name_sort_idx on projects (name, id);
    create index projects_investment_sort_idx on projects (total_investment, id);
    create index projects_investment_desc_idx on projects (total_investment desc, id);
    create index projects_stage_sort_idx on projects (stage, id);
    drop index projects_stage_idx;
    create index projects_code_trgm_idx on projects using gin (code gin_trgm_ops);
    create index projects_name_trgm_idx on projects using gin (name gin_trgm_ops);

    -- a list's members, removed ones included (the list page shows both)
    create index project_list_members_list_idx on project_list_members (list_id, id);

    -- the light board: a month's lights in the board's order (red, yellow, green as shown, then code);
    -- the expression is the board's own (boardRank in lights/board.ts), word for word
    alter table lights add column project_code text;
    update lights l set project_code = p.code from projects p where p.id = l.project_id;
    -- the close writes the code with each light; a light written without one gets it here
    create function lights_project_code() returns trigger language plpgsql as $$
    begin
      new.project_code := (select code from projects where id = new.project_id);
      return new;
    end $$;
    create trigger lights_project_code before insert on lights
      for each row when (new.project_code is null) execute function lights_project_code();
    create index lights_board_idx on lights (year, month,
      (case coalesce(override_color, computed) when 'red' then 0 when 'yellow' then 1 else 2 end), project_code);

    -- reports waiting for verification (the workbench's count and the queue's oldest month)
    create index monthly_reports_submitted_idx on monthly_reports (project_id, year, month)
      where current and status = 'submitted';

    -- a month's 催报 counts in project order (the filer's inbox shows them)
    create index report_reminders_month_project_idx on report_reminders (year, month, project_id);
    drop index report_reminders_month_idx;

    -- the whole audit log filtered by entity type (the admin's audit page)
    create index audit_events_entity_seq_idx on audit_events (entity, seq);

    -- regions in path order (the org lists sort by it); the text_pattern_ops index serves prefixes only
    create index regions_path_sort_idx on regions (path);
  `,
  );
}
