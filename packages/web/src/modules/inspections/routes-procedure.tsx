// The app's routes to inspections' procedure pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/routes.tsx';

export const procedureRoutes: AppRoute[] = [];
