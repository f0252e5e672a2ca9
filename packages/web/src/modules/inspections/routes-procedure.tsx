// The app's routes to inspections' procedure pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/route-types.ts';

export const procedureRoutes: AppRoute[] = [];
