/** Every migration, in order. Imported statically so the same list works under tsx, vitest and the CLI. */
import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_projects.ts';
import * as m0003 from './0003_reports.ts';
import * as m0004 from './0004_items.ts';
import * as m0005 from './0005_lights_derived.ts';
import * as m0006 from './0006_responsible_unit.ts';
import * as m0007 from './0007_report_reminders.ts';
import * as m0008 from './0008_dictionary_labels.ts';
import * as m0009 from './0009_report_import.ts';
import * as m0010 from './0010_close_region_rows.ts';
import * as m0011 from './0011_login_shadows.ts';
import * as m0012 from './0012_item_indexes.ts';
import * as m0013 from './0013_list_indexes.ts';
import * as m0014 from './0014_meetings.ts';
import * as m0015 from './0015_item_search.ts';
import * as m0016 from './0016_project_search.ts';
import * as m0017 from './0017_scope_indexes.ts';
import * as m0018 from './0018_meeting_series_layout.ts';
import * as m0019 from './0019_inspections.ts';
import * as m0021 from './0021_inspection_procedure.ts';
import * as m0022 from './0022_inspection_library.ts';
import * as m0023 from './0023_assessment.ts';
import * as m0024 from './0024_enterprise_credit.ts';
import * as m0025 from './0025_assessment_engine.ts';
import * as m0026 from './0026_assessment_ledger_writes.ts';
import * as m0027 from './0027_list_member_pages.ts';
import * as m0028 from './0028_light_scope.ts';
import * as m0029 from './0029_reports_from.ts';

export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_projects': m0002,
  '0003_reports': m0003,
  '0004_items': m0004,
  '0005_lights_derived': m0005,
  '0006_responsible_unit': m0006,
  '0007_report_reminders': m0007,
  '0008_dictionary_labels': m0008,
  '0009_report_import': m0009,
  '0010_close_region_rows': m0010,
  '0011_login_shadows': m0011,
  '0012_item_indexes': m0012,
  '0013_list_indexes': m0013,
  '0014_meetings': m0014,
  '0015_item_search': m0015,
  '0016_project_search': m0016,
  '0017_scope_indexes': m0017,
  '0018_meeting_series_layout': m0018,
  '0019_inspections': m0019,
  '0021_inspection_procedure': m0021,
  '0022_inspection_library': m0022,
  '0023_assessment': m0023,
  '0024_enterprise_credit': m0024,
  '0025_assessment_engine': m0025,
  '0026_assessment_ledger_writes': m0026,
  '0027_list_member_pages': m0027,
  '0028_light_scope': m0028,
  '0029_reports_from': m0029,
};
