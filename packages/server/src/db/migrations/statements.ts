/**
 * Runs a block of DDL one statement at a time: PGlite's extended protocol takes one statement per
 * query. Splits on semicolons that end a line, outside dollar-quoted function bodies.
 */
import { sql, type Kysely } from 'kysely';

export function splitStatements(block: string): string[] {
  const out: string[] = [];
  let current = '';
  let inDollar = false;
  for (const line of block.split('\n')) {
    current += line + '\n';
    const code = inDollar ? line : line.replace(/--.*$/, ''); // a comment's $$ or ; is not code
    if ((code.split('$$').length - 1) % 2 === 1) inDollar = !inDollar;
    if (!inDollar && /;\s*$/.test(code)) {
      out.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) out.push(current.trim());
  return out.filter((s) => s.replace(/--.*$/gm, '').trim().length > 0);
}

export async function runStatements(db: Kysely<unknown>, block: string): Promise<void> {
  for (const statement of splitStatements(block)) await sql.raw(statement).execute(db);
}
