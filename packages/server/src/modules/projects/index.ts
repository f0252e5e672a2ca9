/**
 * The projects module's door: what other modules may use of projects, lists, baselines and
 * milestones. Reads and SQL builders (reads.ts), the project a user may read, the policy, and the
 * use cases that take the caller's transaction (a verified report marks its milestones reached).
 */
export { canManageProject, type ProjectFacts } from './policy.ts';
export { readableProject } from './projects.ts';
export { projectFacts, type ProjectRow } from './repo.ts';
export { owesReport, reportsFromMonth } from './rules.ts';
export { recordMilestoneActual, yearBaselines, yearMilestones, yearMilestonesOf } from './plans.ts';
export {
  projectPoolCount,
  projectPoolIds,
  projectPoolPage,
  projectPoolWhere,
  type ProjectCriteria,
} from './pool.ts';
export {
  baselineInForceSql,
  filingFacts,
  closeScopeSql,
  listMembershipsSql,
  lockProjectRow,
  milestonesJson,
  overdueMilestonesSql,
  notYetReportingSql,
  owesReportSql,
  projectCodeOf,
  projectCodesIn,
  projectCounts,
  projectIdsIn,
  projectScopeOnCopy,
  projectIdsNamed,
  projectLeaderPosition,
  projectNameOf,
  projectNames,
  projectOwnedBy,
  projectOwnerOf,
  projectParties,
  projectRegionPaths,
  projectRegionsIn,
  readableBriefs,
  readableProjects,
  type ProjectBrief,
} from './reads.ts';
