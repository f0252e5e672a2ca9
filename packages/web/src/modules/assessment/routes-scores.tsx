// The app's routes to assessment's scores pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/route-types.ts';

export const scoresRoutes: AppRoute[] = [];
