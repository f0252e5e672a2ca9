// What the signed-in user may do with a project, mirroring the server's policy (the server decides).
import type { Project } from '@ducha/contract';
import { managerRoles } from '../../app/access.ts';
import { useCan, useMe } from '../../app/auth.tsx';

export interface ProjectAccess {
  /** The office (and admin): create, responsibility chain, lists, approve baselines. */
  manager: boolean;
  /** May edit registry fields, plan drafts, procedures, team: the office, or the lead unit's staff. */
  editor: boolean;
}

export function useProjectAccess(p: Project | undefined): ProjectAccess {
  const me = useMe();
  const can = useCan();
  const write = can('project.write');
  const manager = write && managerRoles.includes(me.role);
  const responsibleUnit =
    !!p && me.role === 'unit' && me.unitId !== null && me.unitId === p.responsibility.responsibleUnitId;
  return { manager, editor: manager || (write && responsibleUnit) };
}
