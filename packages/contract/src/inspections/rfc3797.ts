/**
 * RFC 3797 (Publicly Verifiable Nomcom Random Selection) in pure TypeScript, shared by the server,
 * the CLI and the browser's "在浏览器中验证": the key string from the public sources' values (§4),
 * and the selection: for i = 0, 1, … h = MD5(u16be(i) ‖ K ‖ u16be(i)) read as an unsigned 128-bit
 * big-endian integer, the pick is the (h mod remaining)-th of the still unpicked entries (0-based
 * here, 1-based in the RFC's prose), which is then removed.
 */
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** One source's value as published: its numbers (or one string), and whether their order matters. */
export interface SourceValueInput {
  values: readonly string[];
  /** true: the numbers keep the order drawn (e.g. a lottery's special ball); default false: sorted */
  ordered?: boolean;
}

/**
 * A number as RFC 3797 canonicalises it: decimal digits without leading zeros ("0" for zero). A
 * decimal point is dropped with everything kept (3367.91 → 336791), so an index's closing value
 * counts all its digits; any other character is refused. An alphanumeric string (§4's discouraged
 * case) is upper-cased with everything but A–Z and 0–9 removed, and then kept as it is.
 */
export function canonicalValue(raw: string): string {
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) {
    const digits = s.replace('.', '').replace(/^0+/, '');
    return digits === '' ? '0' : digits;
  }
  const letters = s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (letters === '') throw new Error(`无法规范化的随机源值：${raw}`);
  return letters;
}

const isNumber = (s: string) => /^\d+$/.test(s);

/**
 * The key string K: each source in its published order; within it each value canonicalised and
 * followed by ".", numbers sorted ascending (as numbers) unless the source's order matters; each
 * source ended by "/".
 */
export function keyString(sources: readonly SourceValueInput[]): string {
  return sources
    .map((src) => {
      const vals = src.values.map(canonicalValue);
      if (!src.ordered && vals.every(isNumber))
        vals.sort((a, b) => (a.length - b.length !== 0 ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0));
      return vals.map((v) => `${v}.`).join('') + '/';
    })
    .join('');
}

/** MD5(u16be(i) ‖ K ‖ u16be(i)) as 32 hex digits (upper case, as the RFC prints them). */
export function selectionHash(key: string, i: number): string {
  if (!Number.isInteger(i) || i < 0 || i > 0xffff) throw new Error(`抽取序号超出范围：${i}`);
  const k = utf8ToBytes(key);
  const buf = new Uint8Array(k.length + 4);
  buf[0] = i >> 8;
  buf[1] = i & 0xff;
  buf.set(k, 2);
  buf[k.length + 2] = i >> 8;
  buf[k.length + 3] = i & 0xff;
  return bytesToHex(md5(buf)).toUpperCase();
}

/** The 0-based index into `remaining` entries that step `i` picks. */
export function pickIndex(key: string, i: number, remaining: number): { index: number; hash: string } {
  if (remaining < 1) throw new Error('没有可抽取的对象');
  const hash = selectionHash(key, i);
  return { hash, index: Number(BigInt('0x' + hash) % BigInt(remaining)) };
}

export interface Selection {
  i: number;
  hash: string;
  /** 1-based position in the original pool, as the RFC's example lists them */
  pick: number;
}

/**
 * RFC 3797's selection of `count` out of a pool numbered 1..`poolSize`, steps i from `firstI`:
 * each step picks among the still unpicked numbers in ascending order.
 */
export function selectFromPool(key: string, poolSize: number, count: number, firstI = 0): Selection[] {
  if (count > poolSize) throw new Error(`待抽取 ${count} 个，候选只有 ${poolSize} 个`);
  const remaining = Array.from({ length: poolSize }, (_, n) => n + 1);
  const out: Selection[] = [];
  for (let s = 0; s < count; s++) {
    const i = firstI + s;
    const { index, hash } = pickIndex(key, i, remaining.length);
    out.push({ i, hash, pick: remaining[index]! });
    remaining.splice(index, 1);
  }
  return out;
}

/**
 * The canonical serialisation the draw document is hashed in: JSON with every object's keys in
 * code-point order, no whitespace, arrays in their order, `undefined` members left out; then UTF-8.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('非有限数');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of a value's canonical serialisation, lower-case hex. */
export const sha256Of = (value: unknown): string => bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
