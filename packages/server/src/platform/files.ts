/**
 * Attachments on disk, content-addressed: a file is stored once under its SHA-256 in the data
 * directory, whatever its name. Type and size limits are checked before anything is written.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
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
  if (size < magic.length || magic.some((b, i) => body[i] !== b)) {
    throw new DomainError('VALIDATION', 400, [
      { path: 'body', message: `文件内容与类型 ${allowedTypes[type]!.toUpperCase()} 不符` },
    ]);
  }
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

/** The file of an upload request: its name (header x-file-name, URI-encoded), declared type and bytes. */
export function uploadedFile(req: FastifyRequest) {
  return {
    name: decodeURIComponent(String(req.headers['x-file-name'] ?? 'file')),
    type: String(req.headers['content-type'] ?? '').split(';')[0]!,
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  };
}

/** Sends a file as a download under its own (UTF-8) name, with an ASCII name for old clients. */
export function sendFile(reply: FastifyReply, f: { name: string; type: string; body: Buffer }) {
  const ascii = f.name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(f.type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.name)}`,
    )
    .send(f.body);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated workbook as `<name>.xlsx`. */
export const sendXlsx = (reply: FastifyReply, name: string, body: Buffer) =>
  sendFile(reply, { name: `${name}.xlsx`, type: XLSX_TYPE, body });
