/**
 * The public list of admitted firms (名录公开, issue 15): no login, admitted firms only (a suspended
 * or removed firm drops out at once), with the public fields alone: name, kind, class,
 * specialties, admission date and region; no notes, status reasons or records.
 */
import type { publicEnterpriseQuery } from '@ducha/contract';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { paged } from '../../platform/records.ts';
import { regionCodeUnderCode, regionNameOf } from '../../platform/regions.ts';
import { unitNameOf } from '../org/index.ts';

export function publicEnterprises(db: Db, q: z.infer<typeof publicEnterpriseQuery>) {
  let base = db.selectFrom('enterprises as e').where('e.status', '=', 'admitted');
  if (q.regionCode) base = base.where(regionCodeUnderCode('e.region_code', q.regionCode));
  if (q.kind) base = base.where('e.kind', '=', q.kind);
  if (q.grade) base = base.where('e.grade', '=', q.grade);
  return paged(
    db,
    base,
    (b) =>
      b
        .select(['e.kind', 'e.grade', 'e.specialties', 'e.admitted_on'])
        .select([unitNameOf('e.unit_id').as('name'), regionNameOf('e.region_code').as('region_name')])
        .orderBy(sql`e.kind, e.grade nulls last, e.admitted_on, e.id`),
    {
      page: q.page,
      pageSize: q.pageSize,
      present: (r) => ({
        name: r.name ?? '',
        kind: r.kind,
        grade: r.grade,
        specialties: r.specialties,
        admittedOn: r.admitted_on,
        regionName: r.region_name,
      }),
    },
  );
}
