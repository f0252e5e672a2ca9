/**
 * The draw from a published document (pure): projects first, then experts among those not
 * conflicted with any drawn project, substitutes continuing the same sequence, and verification
 * catching each kind of tampering. Expected picks worked out by hand from the RFC 3797 example key
 * (its hashes for i = 0, 1, 2 mod the remaining counts).
 */
import { describe, expect, it } from 'vitest';
import { drawMain, DrawRefused, drawSubstitute, verifyDocument } from './draw-verify.ts';
import type { DrawDocument, DrawPublished } from './draws.ts';
import { sha256Of } from './rfc3797.ts';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const K = '17.20.22.35.36.38.48./90193202./55598744./9.10.11.17.21.48.50./';
const pub: DrawPublished = {
  format: 'ducha-draw/1',
  drawId: 1,
  title: 't',
  regionCode: '230600',
  regionName: '大庆市',
  planId: 1,
  planYear: 2026,
  siteOn: null,
  publishedOn: '2026-03-01',
  rules: [],
  sources: [],
  projects: [
    {
      stratum: '稽察+安全生产',
      themeId: 1,
      count: 1,
      pool: [1, 2, 3].map((seq) => ({ seq, id: 100 + seq, label: `P${seq}` })),
    },
  ],
  experts: [
    {
      stratum: '工程造价',
      count: 1,
      pool: [
        { seq: 1, id: 201, label: 'E1', conflicts: [3] },
        { seq: 2, id: 202, label: 'E2', conflicts: [1] },
        { seq: 3, id: 203, label: 'E3', conflicts: [] },
      ],
    },
  ],
};

describe('the draw', () => {
  it('i=0 picks project 3 (h0 mod 3 = 2); E1 conflicts with it; i=1 picks E3 of [E2, E3] (h1 mod 2 = 1)', () => {
    const picks = drawMain(pub, K);
    expect(picks.map((p) => [p.ordinal, p.i, p.kind, p.seq])).toEqual([
      [1, 0, 'project', 3],
      [2, 1, 'expert', 3],
    ]);
    expect(picks[0]!.hash).toBe('CA30D5996DE35BA57B393541328C4159');
  });

  it('a substitute continues with i=2 from the remaining eligible (E2); after it nobody is left', () => {
    const picks = drawMain(pub, K);
    const sub = drawSubstitute(pub, K, picks, 2);
    expect([sub.ordinal, sub.i, sub.seq, sub.substituteFor]).toEqual([3, 2, 2, 2]);
    expect(() => drawSubstitute(pub, K, [...picks, sub], 3)).toThrow(DrawRefused);
    expect(() => drawSubstitute(pub, K, picks, 1)).toThrow('只有抽中的专家可以回避或谢绝');
  });

  it('refuses more experts than are eligible after the conflicts', () => {
    const two = { ...pub, experts: [{ ...pub.experts[0]!, count: 3 }] };
    expect(() => drawMain(two, K)).toThrow('回避后符合条件的只有 2 名');
  });
});

describe('verification', () => {
  const main = drawMain(pub, K);
  const sub = drawSubstitute(pub, K, main, 2);
  const doc: DrawDocument = {
    published: { ...pub, sources: [] },
    sha256: sha256Of(pub),
    result: {
      sourceValues: [],
      key: '',
      picks: [
        { ...main[0]! },
        { ...main[1]!, declined: { reason: 'r', on: '2026-03-07' }, substituteOrdinal: 3 },
        sub,
      ],
    },
  };
  // with no sources the key is the empty string: recompute the picks for it
  const emptyKeyDoc = (): DrawDocument => {
    const m = drawMain(pub, '');
    const s = drawSubstitute(pub, '', m, 2);
    return {
      ...doc,
      result: {
        sourceValues: [],
        key: '',
        picks: [m[0]!, { ...m[1]!, declined: { reason: 'r', on: '2026-03-07' }, substituteOrdinal: 3 }, s],
      },
    };
  };

  it('accepts a faithful document, declines and substitutes included', () => {
    expect(verifyDocument(emptyKeyDoc())).toMatchObject({ ok: true, errors: [] });
  });

  it('names a changed pool, a moved pick, a substitute without its decline, a decline left unfilled', () => {
    const changed = clone(emptyKeyDoc());
    changed.published.experts[0]!.pool[0]!.conflicts = [];
    expect(verifyDocument(changed).errors[0]).toContain('SHA-256');
    const moved = clone(emptyKeyDoc());
    moved.result!.picks[0]!.seq = moved.result!.picks[0]!.seq === 1 ? 2 : 1;
    expect(verifyDocument(moved).ok).toBe(false);
    const noDecline = clone(emptyKeyDoc());
    delete noDecline.result!.picks[1]!.declined;
    expect(verifyDocument(noDecline).errors.join()).toContain('没有记录回避');
    const unfilled = clone(emptyKeyDoc());
    unfilled.result!.picks.pop();
    unfilled.result!.picks[1]!.substituteOrdinal = undefined;
    expect(verifyDocument(unfilled).errors.join()).toContain('却没有递补');
  });
});
