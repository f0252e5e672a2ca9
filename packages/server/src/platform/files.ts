/**
 * Attachments on disk, content-addressed: a file is stored once under its SHA-256 in the data
 * directory, whatever its name. Type and size limits are checked before anything is written.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './errors.ts';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const allowedTypes: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

export interface StoredFile {
  sha256: string;
  size: number;
  path: string;
}

/** How each allowed type begins: the declared Content-Type must match the bytes, not just the header. */
const signatures: Record<string, readonly number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  // .docx and .xlsx are ZIP packages
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': [0x50, 0x4b, 0x03, 0x04],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': [0x50, 0x4b, 0x03, 0x04],
};

/**
 * A PNG parses as one: IHDR first, every chunk whole with a 4-letter type and its CRC right, at
 * least one IDAT, and IEND as the very last bytes (nothing hides behind the image).
 */
export function isPng(b: Buffer): boolean {
  let p = 8;
  let idat = false;
  while (p + 12 <= b.length) {
    const len = b.readUInt32BE(p);
    const type = b.toString('latin1', p + 4, p + 8);
    const end = p + 12 + len;
    if (!/^[A-Za-z]{4}$/.test(type) || end > b.length) return false;
    if (p === 8 && (type !== 'IHDR' || len !== 13)) return false;
    if (zlib.crc32(b.subarray(p + 4, p + 8 + len)) !== b.readUInt32BE(p + 8 + len)) return false;
    if (type === 'IDAT') idat = true;
    if (type === 'IEND') return len === 0 && end === b.length && idat;
    p = end;
  }
  return false;
}

/**
 * A JPEG parses as one from SOI through its marker segments to the first scan (SOS), and an EOI
 * follows the scan. Bytes after the EOI are allowed: phones append motion-photo videos and
 * maker data there, and the file is never served as anything but a JPEG download.
 */
export function isJpeg(b: Buffer): boolean {
  let p = 2;
  while (p + 4 <= b.length) {
    if (b[p] !== 0xff) return false;
    const m = b[p + 1]!;
    if (m === 0xff) {
      p += 1; // fill byte
      continue;
    }
    if (m === 0x01 || (m >= 0xd0 && m <= 0xd7)) {
      p += 2; // markers without a length
      continue;
    }
    if (m === 0xd8 || m === 0xd9 || m === 0x00) return false; // a second SOI, EOI before any scan
    const len = b.readUInt16BE(p + 2);
    if (len < 2 || p + 2 + len > b.length) return false;
    if (m === 0xda) return b.indexOf(EOI, p + 2 + len) !== -1;
    p += 2 + len;
  }
  return false;
}
const EOI = Buffer.from([0xff, 0xd9]);

/** A PDF ends with `%%EOF` (readers allow a little after it: line ends, a stray byte). */
export const isPdf = (b: Buffer) =>
  /^%PDF-\d\.\d/.test(b.toString('latin1', 0, 8)) &&
  b.toString('latin1', Math.max(0, b.length - 1024)).includes('%%EOF');

/**
 * The names in a ZIP's central directory, or null when it has none that holds together: the end
 * record within the last 64 KiB (its comment reaching exactly to the end of the file), the
 * directory before it, every entry whole.
 */
export function zipEntries(b: Buffer): string[] | null {
  const floor = Math.max(0, b.length - 22 - 0xffff);
  for (let e = b.length - 22; e >= floor; e--) {
    if (b.readUInt32LE(e) !== 0x06054b50) continue;
    if (e + 22 + b.readUInt16LE(e + 20) !== b.length) continue;
    const count = b.readUInt16LE(e + 10);
    const size = b.readUInt32LE(e + 12);
    const offset = b.readUInt32LE(e + 16);
    if (offset + size > e) return null;
    const names: string[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > offset + size || b.readUInt32LE(p) !== 0x02014b50) return null;
      const n = b.readUInt16LE(p + 28);
      const next = p + 46 + n + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
      if (next > offset + size) return null;
      names.push(b.toString('utf8', p + 46, p + 46 + n));
      p = next;
    }
    return names;
  }
  return null;
}

/** An Office package: a ZIP with a central directory, its content types and the document's folder. */
const isOffice = (folder: string) => (b: Buffer) => {
  const names = zipEntries(b)?.map((n) => n.replaceAll('\\', '/').toLowerCase());
  return !!names?.includes('[content_types].xml') && names.some((n) => n.startsWith(folder));
};

const formats: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': isJpeg,
  'image/png': isPng,
  'application/pdf': isPdf,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': isOffice('word/'),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': isOffice('xl/'),
};

export function checkAttachment(type: string, body: Buffer): void {
  const size = body.length;
  if (!allowedTypes[type]) {
    throw new DomainError('VALIDATION', 400, [
      { path: 'content-type', message: '只能上传 JPG、PNG 图片或 PDF、Word(.docx)、Excel(.xlsx) 文件' },
    ]);
  }
  if (size === 0) throw new DomainError('VALIDATION', 400, [{ path: 'body', message: '文件为空' }]);
  if (size > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', 413, [
      { path: 'body', message: `文件超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB 上限` },
    ]);
  }
  const magic = signatures[type]!;
  if (size < magic.length || magic.some((b, i) => body[i] !== b) || !formats[type]!(body)) {
    throw new DomainError('VALIDATION', 400, [
      { path: 'body', message: `文件内容与类型 ${allowedTypes[type]!.toUpperCase()} 不符，或文件不完整` },
    ]);
  }
}

/** The extensions a name may end with for each type; any other gets the type's own appended. */
const extensions: Record<string, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/**
 * The name a file is kept and served under: its last path segment, without control characters,
 * at most 200 characters, ending in an extension of its checked type (`evil.html` sent as a PNG
 * is kept as `evil.html.png`; a name that already fits is kept as it is).
 */
export function attachmentName(name: string, type: string): string {
  const base =
    name
      .split(/[/\\]/)
      .pop()!
      // eslint-disable-next-line no-control-regex -- control characters are what this removes
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim() || 'file';
  const exts = extensions[type] ?? [];
  const dot = /\.([^.]+)$/.exec(base);
  const fits = !!dot && exts.includes(dot[1]!.toLowerCase());
  if (!exts.length) return base.slice(0, 200);
  const stem = fits ? base.slice(0, dot.index) : base;
  const suffix = fits ? dot[0] : `.${exts[0]}`;
  return stem.slice(0, 200 - suffix.length) + suffix;
}

export function storeFile(dataDir: string, body: Buffer): StoredFile {
  const sha256 = createHash('sha256').update(body).digest('hex');
  const rel = path.join('files', sha256.slice(0, 2), sha256);
  const abs = path.join(dataDir, rel);
  if (!fs.existsSync(abs)) {
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, body);
  }
  return { sha256, size: body.length, path: rel };
}

export const readStoredFile = (dataDir: string, rel: string) => fs.readFileSync(path.join(dataDir, rel));

/**
 * Uploads arrive as raw bodies typed by their Content-Type (and .xlsx imports as octet-stream);
 * each route plugin that takes files registers the parsers in its own scope.
 */
export function acceptRawFiles(app: Pick<FastifyInstance, 'addContentTypeParser'>): void {
  const types = [...Object.keys(allowedTypes), 'application/octet-stream'];
  app.addContentTypeParser(
    types,
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES + 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );
}

/**
 * The file of an upload request: its name (header x-file-name, URI-encoded UTF-8), declared type
 * and bytes. A name that is not valid URI encoding answers 400 at `x-file-name`.
 */
export function uploadedFile(req: FastifyRequest) {
  const raw = String(req.headers['x-file-name'] ?? 'file');
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    throw new DomainError('VALIDATION', 400, [
      { path: 'x-file-name', message: '文件名编码无效：应为 URI 编码（encodeURIComponent）的 UTF-8 文件名' },
    ]);
  }
  return {
    name,
    type: String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase(),
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

/** RFC 5987 `ext-value`: percent-encode everything but attr-char (encodeURIComponent leaves `'()*!`). */
const rfc5987 = (s: string) =>
  encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Sends a file as a download under its own (UTF-8) name, with an ASCII name for old clients:
 * always `attachment`, never sniffed (`nosniff`), and sandboxed should a browser open it anyway.
 */
export function sendFile(reply: FastifyReply, f: { name: string; type: string; body: Buffer }) {
  const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(f.type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(f.name)}`)
    .send(f.body);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated workbook as `<name>.xlsx`. */
export const sendXlsx = (reply: FastifyReply, name: string, body: Buffer) =>
  sendFile(reply, { name: `${name}.xlsx`, type: XLSX_TYPE, body });
