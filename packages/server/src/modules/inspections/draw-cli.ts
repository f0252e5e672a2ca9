/**
 * `ducha draw verify <file or id>`: a draw document read from a JSON file (as downloaded from the
 * public page), or a draw by id recomputed from its stored rows; prints the picks and OK or FAIL
 * with each mismatch, and answers the exit code (1 on failure).
 */
import { existsSync, readFileSync } from 'node:fs';
import { drawDocument, verifyDocument, type DrawVerification } from '@ducha/contract';
import type { Executor } from '../../db/connection.ts';
import { verifyStoredDraw } from './draw-queries.ts';

export async function drawVerifyCommand(
  db: Executor,
  arg: string,
  print: (line: string) => void = console.log,
): Promise<number> {
  let v: DrawVerification;
  if (existsSync(arg)) {
    const parsed = drawDocument.safeParse(JSON.parse(readFileSync(arg, 'utf8')));
    if (!parsed.success) {
      print(`FAIL: ${arg} 不是抽取文件：${parsed.error.issues[0]!.message}`);
      return 1;
    }
    v = verifyDocument(parsed.data);
  } else if (/^\d+$/.test(arg)) {
    const row = await db
      .selectFrom('inspection_draws')
      .select('id')
      .where('id', '=', Number(arg))
      .executeTakeFirst();
    if (!row) {
      print(`FAIL: 没有编号为 ${arg} 的抽取`);
      return 1;
    }
    v = await verifyStoredDraw(db, row.id);
  } else {
    print(`FAIL: 找不到文件 ${arg}`);
    return 1;
  }
  for (const p of v.picks)
    print(
      `${String(p.ordinal).padStart(3)}  i=${p.i}  ${p.hash}  ${p.stratum} ${p.seq} 号 ${p.label}${p.substituteFor ? `（递补第 ${p.substituteFor} 个）` : ''}`,
    );
  for (const e of v.errors) print(`  ✗ ${e}`);
  print(v.ok ? 'OK' : 'FAIL');
  return v.ok ? 0 : 1;
}
