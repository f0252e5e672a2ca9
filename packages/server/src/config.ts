/** Runtime configuration from the environment; every variable is documented in the README. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The embedded database in a worker thread (default); DUCHA_PGLITE_WORKER=0 runs it in the main thread. */
  pgliteWorker: boolean;
  demo: boolean;
  logLevel: string;
  /** Secure cookies need HTTPS; on by default when NODE_ENV=production. */
  secureCookies: boolean;
  sessionHours: number;
  webDist: string | undefined;
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    dataDir: path.resolve(env.DUCHA_DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteWorker: (env.DUCHA_PGLITE_WORKER ?? '1') !== '0',
    demo: (env.DUCHA_DEMO ?? '1') !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    secureCookies: (env.DUCHA_SECURE_COOKIES ?? (env.NODE_ENV === 'production' ? '1' : '0')) === '1',
    sessionHours: Number(env.DUCHA_SESSION_HOURS ?? 12),
    webDist: env.DUCHA_WEB_DIST ?? path.join(repoRoot, 'packages/web/dist'),
  };
}

export const appVersion = '0.1.0';
