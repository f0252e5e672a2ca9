// The app's routes to inspections' draws pages (the route table in app/routes.tsx spreads them).
import type { AppRoute } from '../../app/routes.tsx';

export const drawsRoutes: AppRoute[] = [];
