#!/bin/sh
# Reseeds the Redmine peer's project with ISSUES issues, set-based in SQL: trackers, statuses and
# priorities from Redmine's default data spread over the issues (about two thirds closed or
# rejected, as in a year's ledger), the admin as author, a start and due date, and JOURNALS notes
# each (default 5, like the demo's events per supervised item). Usage: bench/peer/seed.sh ISSUES [JOURNALS]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/env.sh"
issues=${1:?usage: seed.sh ISSUES [JOURNALS]}
journals=${2:-5}
pg_up
psql_peer -d redmine_default -v issues="$issues" -v journals="$journals" <<'SQL'
begin;
create temp table bench_project on commit drop as select id from projects where identifier = 'ducha-bench';
delete from journals j using issues i, bench_project p
  where j.journalized_type = 'Issue' and j.journalized_id = i.id and i.project_id = p.id;
delete from issues i using bench_project p where i.project_id = p.id;
with t as (select array_agg(id order by id) a from trackers),
     s as (select array_agg(id order by position) a from issue_statuses),
     pr as (select array_agg(id order by position) a from enumerations where type = 'IssuePriority'),
     ins as (
  insert into issues (tracker_id, project_id, subject, description, status_id, priority_id, author_id,
                      assigned_to_id, lock_version, created_on, updated_on, start_date, due_date,
                      done_ratio, is_private, closed_on, lft, rgt)
  select t.a[1 + g % array_length(t.a, 1)], p.id,
         'Bench issue ' || g || ': 项目前期手续办理进度滞后',
         repeat('问题描述：用地、环评与施工许可手续尚未办结，影响开工。', 3),
         st, pr.a[1 + (g / 7) % array_length(pr.a, 1)], 1, 1, 0,
         ts, ts + interval '3 days', ts::date, ts::date + 30,
         case when st in (5, 6) then 100 else (g % 10) * 10 end, false,
         case when st in (5, 6) then ts + interval '20 days' end, 1, 2
  from generate_series(1, :issues) g
  cross join t cross join pr cross join bench_project p
  cross join lateral (select timestamp '2025-12-01' + (g * interval '1 year' / greatest(:issues, 1)) as ts) x
  cross join lateral (select case when g % 3 = 0 then s.a[1 + g % 4] when g % 11 = 0 then 6 else 5 end as st from s) y
  returning id, created_on
)
insert into journals (journalized_id, journalized_type, user_id, notes, created_on, private_notes)
select ins.id, 'Issue', 1, '办理情况：已督促责任单位推进，第 ' || k || ' 次。', ins.created_on + k * interval '1 day', false
from ins cross join generate_series(1, :journals) k;
update issues set root_id = id where root_id is null;
commit;
analyze issues;
analyze journals;
SQL
echo "seeded $(psql_peer -d redmine_default -Atc "select count(*) from issues") issues, $(psql_peer -d redmine_default -Atc "select count(*) from journals") journals"
