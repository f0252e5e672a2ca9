// The app's routes to inspections' groups pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/route-types.ts';

export const groupsRoutes: AppRoute[] = [];
