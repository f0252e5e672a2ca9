/**
 * The draw itself, from a published document and the key string alone, and its verification: the
 * same code runs on the server (draw, substitute), in the CLI (`draw verify`) and in the browser
 * (在浏览器中验证). One sequence of steps i = 0, 1, … runs through the whole draw: first each
 * project stratum (theme) in its published order, then each expert stratum (specialty) among its
 * experts not conflicted with any drawn project, then each substitute for a declined expert, drawn
 * from that specialty's remaining eligible experts with the next i.
 */
import type { DrawDocument, DrawPick, DrawPublished, DrawStratum, DrawVerification } from './draws.ts';
import { keyString, pickIndex, sha256Of } from './rfc3797.ts';

/** A draw that cannot go on (fewer eligible than to draw), with its Chinese reason. */
export class DrawRefused extends Error {}

const bySeq = (s: DrawStratum) => [...s.pool].sort((a, b) => a.seq - b.seq);

/** The experts of a stratum not conflicted with any of the drawn projects' pool numbers. */
export function eligibleExperts(s: DrawStratum, drawnProjectSeqs: ReadonlySet<number>) {
  return bySeq(s).filter((e) => !(e.conflicts ?? []).some((c) => drawnProjectSeqs.has(c)));
}

/** The key string of a published draw's sources with their values, in the published order. */
export function keyOf(pub: DrawPublished, values: readonly (readonly string[])[]): string {
  if (values.length !== pub.sources.length)
    throw new DrawRefused(`应录入 ${pub.sources.length} 个随机源的值，收到 ${values.length} 个`);
  return keyString(pub.sources.map((s, n) => ({ values: values[n]!, ordered: s.ordered })));
}

function take(
  key: string,
  i: number,
  kind: DrawPick['kind'],
  s: DrawStratum,
  remaining: DrawStratum['pool'],
): DrawPick {
  const { index, hash } = pickIndex(key, i, remaining.length);
  const e = remaining.splice(index, 1)[0]!;
  return { ordinal: i + 1, i, kind, stratum: s.stratum, seq: e.seq, id: e.id, label: e.label, hash };
}

/** The draw's first picks: every project stratum, then every expert stratum. */
export function drawMain(pub: DrawPublished, key: string): DrawPick[] {
  const picks: DrawPick[] = [];
  for (const s of pub.projects) {
    const remaining = bySeq(s);
    if (remaining.length < s.count)
      throw new DrawRefused(`专题「${s.stratum}」待抽取 ${s.count} 个项目，候选只有 ${remaining.length} 个`);
    for (let c = 0; c < s.count; c++) picks.push(take(key, picks.length, 'project', s, remaining));
  }
  const drawn = new Set(picks.map((p) => p.seq));
  for (const s of pub.experts) {
    const remaining = eligibleExperts(s, drawn);
    if (remaining.length < s.count)
      throw new DrawRefused(
        `专业「${s.stratum}」待抽取 ${s.count} 名专家，回避后符合条件的只有 ${remaining.length} 名`,
      );
    for (let c = 0; c < s.count; c++) picks.push(take(key, picks.length, 'expert', s, remaining));
  }
  return picks;
}

/** The substitute for the declined expert pick `ordinal`: the next i, the specialty's remaining eligible. */
export function drawSubstitute(
  pub: DrawPublished,
  key: string,
  picks: readonly DrawPick[],
  ordinal: number,
): DrawPick {
  const declined = picks.find((p) => p.ordinal === ordinal);
  if (!declined || declined.kind !== 'expert') throw new DrawRefused('只有抽中的专家可以回避或谢绝');
  const s = pub.experts.find((x) => x.stratum === declined.stratum);
  if (!s) throw new DrawRefused(`专业「${declined.stratum}」不在公布的名单中`);
  const drawn = new Set(picks.filter((p) => p.kind === 'project').map((p) => p.seq));
  const taken = new Set(picks.filter((p) => p.kind === 'expert').map((p) => p.seq));
  const remaining = eligibleExperts(s, drawn).filter((e) => !taken.has(e.seq));
  if (!remaining.length) throw new DrawRefused(`专业「${s.stratum}」已没有符合条件的专家可以递补`);
  const i = Math.max(...picks.map((p) => p.i)) + 1;
  return { ...take(key, i, 'expert', s, remaining), substituteFor: ordinal };
}

const same = (a: DrawPick, b: DrawPick) =>
  a.ordinal === b.ordinal &&
  a.i === b.i &&
  a.kind === b.kind &&
  a.stratum === b.stratum &&
  a.seq === b.seq &&
  a.id === b.id &&
  a.hash === b.hash &&
  a.substituteFor === b.substituteFor;

/**
 * Recomputes a draw document: the published part's SHA-256, the key from the sources' values, the
 * main picks, and each substitute in the order recorded (from the picks before it). Returns the
 * recomputed picks and every mismatch in words.
 */
export function verifyDocument(doc: DrawDocument): DrawVerification {
  const errors: string[] = [];
  const hash = sha256Of(doc.published);
  if (hash !== doc.sha256) errors.push(`公布内容的 SHA-256 为 ${hash}，与公布的 ${doc.sha256} 不符`);
  const r = doc.result;
  if (!r) return { ok: errors.length === 0, errors, picks: [] };
  const out: DrawPick[] = [];
  try {
    const key = keyOf(
      doc.published,
      r.sourceValues.map((v) => v.values),
    );
    if (key !== r.key) errors.push(`由随机源的值算得关键字串 ${key}，与记录的 ${r.key} 不符`);
    const main = drawMain(doc.published, key);
    out.push(...main);
    for (const p of r.picks.slice(main.length)) {
      if (p.substituteFor === undefined) {
        errors.push(`第 ${p.ordinal} 个抽取结果既不是正选也不是递补`);
        break;
      }
      const declined = r.picks.find((x) => x.ordinal === p.substituteFor);
      if (!declined?.declined || declined.substituteOrdinal !== p.ordinal)
        errors.push(`第 ${p.ordinal} 个抽取结果递补的第 ${p.substituteFor} 个没有记录回避`);
      out.push(drawSubstitute(doc.published, key, out, p.substituteFor));
    }
    if (out.length !== r.picks.length)
      errors.push(`应有 ${out.length} 个抽取结果，记录了 ${r.picks.length} 个`);
    out.forEach((p, n) => {
      const got = r.picks[n];
      if (got && !same(p, got))
        errors.push(
          `第 ${p.ordinal} 个抽取结果应为 ${p.stratum} ${p.seq} 号（${p.label}），记录为 ${got.seq} 号`,
        );
    });
    for (const p of r.picks)
      if (p.declined && !r.picks.some((x) => x.substituteFor === p.ordinal)) {
        // a decline without a substitute is allowed only when none was left to draw
        try {
          drawSubstitute(doc.published, key, r.picks, p.ordinal);
          errors.push(`第 ${p.ordinal} 个抽取结果已回避，却没有递补`);
        } catch {
          /* nobody left: the decline stands alone */
        }
      }
  } catch (e) {
    errors.push(e instanceof Error ? e.message : String(e));
  }
  return { ok: errors.length === 0, errors, picks: out };
}
