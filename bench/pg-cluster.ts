/**
 * A throw-away PostgreSQL cluster of the local installation for the benchmarks that measure
 * PostgreSQL too (bench:surge, bench:reads): initdb into a temporary directory, started on
 * 127.0.0.1:`port` (as the postgres user when run as root), stopped and removed by `stop`.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The newest installed server binaries, or undefined when PostgreSQL is not installed. */
export const pgBin = [
  '/usr/lib/postgresql/17/bin',
  '/usr/lib/postgresql/16/bin',
  '/usr/lib/postgresql/15/bin',
].find((d) => fs.existsSync(path.join(d, 'initdb')));

const asPostgres = (cmd: string, args: string[]) =>
  process.getuid?.() === 0
    ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'ignore' })
    : execFileSync(cmd, args, { stdio: 'ignore' });

export interface Cluster {
  url: string;
  dataDir: string;
  /** e.g. "15", for the printed figures. */
  version: string;
  stop: () => void;
}

export function startCluster(port: number, prefix: string): Cluster {
  if (!pgBin) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
  const bin = pgBin;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (process.getuid?.() === 0) execFileSync('chown', ['postgres', dataDir]);
  asPostgres(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  asPostgres(path.join(bin, 'pg_ctl'), [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dataDir, 'log'),
    '-o',
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    dataDir,
    version: bin.split('/')[4]!,
    stop: () => {
      asPostgres(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', 'stop']);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
