/**
 * Real files for upload tests, built byte by byte: the server parses what a type declares (a PNG's
 * chunks and IEND, a JPEG's segments and EOI, a PDF's %%EOF, an Office package's central
 * directory), so a signature followed by filler is no longer a picture.
 */
import zlib from 'node:zlib';
import JSZip from 'jszip';

const chunk = (type: string, data: Buffer) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
};

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A 1×1 grey PNG; `text` goes into a tEXt chunk (distinct files for distinct texts), and `size`
 * pads that chunk so the file is exactly `size` bytes.
 */
export function png(text = '', size?: number): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]); // 1×1, 8-bit greyscale
  const idat = chunk('IDAT', zlib.deflateSync(Buffer.from([0, 0x80])));
  const iend = chunk('IEND', Buffer.alloc(0));
  const fixed = PNG_SIGNATURE.length + 25 + idat.length + iend.length + 12; // + the tEXt chunk's frame
  let data = Buffer.from(`Comment\0${text}`, 'latin1');
  if (size !== undefined) data = Buffer.concat([data, Buffer.alloc(size - fixed - data.length, 0x20)]);
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('tEXt', data), idat, iend]);
}

/** A JPEG's frame: SOI, an APP0 segment carrying `text`, a scan header, scan bytes and EOI. */
export function jpeg(text = ''): Buffer {
  const app0 = Buffer.from(`JFIF\0${text}`, 'latin1');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(app0.length + 2);
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    len,
    app0,
    sos,
    Buffer.from([0x12, 0x34, 0x56]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A (tiny) PDF: header, a line of text, `%%EOF`. */
export const pdf = (text = '') => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`, 'latin1');

/** An Office package with its content types and one part under `folder` (word/ or xl/). */
export async function officeFile(folder: 'word' | 'xl', text = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file(
    `${folder}/${folder === 'word' ? 'document' : 'workbook'}.xml`,
    `<?xml version="1.0"?><x>${text}</x>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
