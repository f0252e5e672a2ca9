// The app's routes to assessment's credit pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/route-types.ts';

export const creditRoutes: AppRoute[] = [];
