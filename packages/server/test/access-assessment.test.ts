/**
 * Walks every assessment route (issue 15) for every role, with records in and out of scope: 401
 * without a session (except the public list of admitted firms), 403 without the permission or
 * outside the scope, success otherwise. The cases live in access-assessment/, one file per part
 * (schemes and ledger, cards and recompute, credit), written out by hand from DOMAIN §1 and §9.
 */
import { parts } from './access-assessment/parts.ts';
import { walkParts } from './access-walk.ts';

/** The assessment routes: the ones the parts cover, or that look like theirs. */
export const isAssessmentRoute = (r: string) =>
  /^\w+ \/api\/(assessment-schemes|score-rows|scores|warning-cards|enterprises|enterprise-evaluations|credit-records|public\/enterprises)(\/|$|\.)/.test(
    r,
  );

walkParts('access: assessment, every route, every role, in and out of scope', parts, isAssessmentRoute);
