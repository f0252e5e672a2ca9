/** The upload checks as tables: each declared type must parse as that type, and names fit their type. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { jpeg, officeFile, pdf, png, PNG_SIGNATURE } from '../../test/files.ts';
import type { DomainError } from './errors.ts';
import { attachmentName, checkAttachment, isJpeg, isPdf, isPng, zipEntries } from './files.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const refusal = (type: string, body: Buffer) => {
  try {
    checkAttachment(type, body);
    return null;
  } catch (e) {
    const d = e as DomainError;
    return { status: d.status, path: d.details[0]?.path };
  }
};

describe('PNG', () => {
  const good = png('hello');
  const flipCrc = Buffer.from(good);
  flipCrc[37] = flipCrc[37]! ^ 0xff; // a byte inside the tEXt chunk, after IHDR (8 + 25 bytes)
  it.each([
    ['a whole PNG', good, true],
    ['one padded to an exact size', png('', 4096), true],
    [
      'a signature followed by HTML',
      Buffer.concat([PNG_SIGNATURE, Buffer.from('<html><script>x</script>')]),
      false,
    ],
    ['a whole PNG with HTML after IEND', Buffer.concat([good, Buffer.from('<html>')]), false],
    ['cut before IEND', good.subarray(0, good.length - 12), false],
    ['cut inside a chunk', good.subarray(0, 40), false],
    ['a chunk whose CRC does not match', flipCrc, false],
    ['only the signature', PNG_SIGNATURE, false],
  ])('%s', (_, body, ok) => {
    expect(isPng(body)).toBe(ok);
  });
});

describe('JPEG', () => {
  const good = jpeg('x');
  it.each([
    ['SOI, segments, a scan and EOI', good, true],
    ['data after EOI (a motion photo’s video)', Buffer.concat([good, Buffer.from('ftypmp42....')]), true],
    ['no EOI', good.subarray(0, good.length - 2), false],
    ['SOI then HTML', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from('<html>')]), false],
    ['EOI before any scan', Buffer.from([0xff, 0xd8, 0xff, 0xd9, 0x00, 0x00]), false],
    ['a segment longer than the file', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 0x4a]), false],
  ])('%s', (_, body, ok) => {
    expect(isJpeg(body)).toBe(ok);
  });
});

describe('PDF', () => {
  it.each([
    ['header and %%EOF', pdf('x'), true],
    ['%%EOF then a line end and a stray byte', Buffer.concat([pdf('x'), Buffer.from('\r\n\0')]), true],
    ['no %%EOF', Buffer.from('%PDF-1.4 test'), false],
    ['%%EOF far from the end', Buffer.concat([pdf('x'), Buffer.alloc(2000, 0x20)]), false],
    ['no version', Buffer.from('%PDF-x\n%%EOF'), false],
  ])('%s', (_, body, ok) => {
    expect(isPdf(body)).toBe(ok);
  });
});

describe('Office packages', () => {
  it('a docx and an xlsx list their parts in the central directory', async () => {
    expect(zipEntries(await officeFile('word'))).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
    );
    expect(refusal(DOCX, await officeFile('word'))).toBeNull();
    expect(refusal(XLSX, await officeFile('xl'))).toBeNull();
  });

  it('a local header with no central directory, a workbook sent as a document, a plain zip: 400 at body', async () => {
    const head = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);
    expect(refusal(DOCX, head)).toEqual({ status: 400, path: 'body' });
    expect(refusal(DOCX, await officeFile('xl'))).toEqual({ status: 400, path: 'body' });
    const plain = new JSZip();
    plain.file('word/document.xml', '<x/>');
    expect(refusal(DOCX, await plain.generateAsync({ type: 'nodebuffer' }))).toEqual({
      status: 400,
      path: 'body',
    });
    const whole = await officeFile('word');
    expect(refusal(DOCX, whole.subarray(0, whole.length - 5))).toEqual({ status: 400, path: 'body' });
    expect(zipEntries(Buffer.alloc(30))).toBeNull();
  });
});

describe('checkAttachment', () => {
  it.each([
    ['a PNG as image/png', 'image/png', png(), null],
    ['a JPEG as image/jpeg', 'image/jpeg', jpeg(), null],
    ['a PDF as application/pdf', 'application/pdf', pdf(), null],
    ['a PNG as image/jpeg', 'image/jpeg', png(), { status: 400, path: 'body' }],
    ['a JPEG as image/png', 'image/png', jpeg(), { status: 400, path: 'body' }],
    ['a PNG as text/html', 'text/html', png(), { status: 400, path: 'content-type' }],
    ['nothing as image/png', 'image/png', Buffer.alloc(0), { status: 400, path: 'body' }],
  ])('%s', (_, type, body, expected) => {
    expect(refusal(type, body)).toEqual(expected);
  });
});

describe('attachmentName', () => {
  it.each([
    ['现场照片.png', 'image/png', '现场照片.png'],
    ['现场照片.PNG', 'image/png', '现场照片.PNG'],
    ['evil.html', 'image/png', 'evil.html.png'],
    ['photo.jpeg', 'image/jpeg', 'photo.jpeg'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['说明', 'application/pdf', '说明.pdf'],
    ['../../etc/passwd', 'application/pdf', 'passwd.pdf'],
    ['C:\\Users\\张三\\月报.xlsx', XLSX, '月报.xlsx'],
    ['a\r\nb.docx', DOCX, 'ab.docx'],
    ['', 'image/png', 'file.png'],
    ['  ', 'image/png', 'file.png'],
  ])('%j as %s → %j', (name, type, expected) => {
    expect(attachmentName(name, type)).toBe(expected);
  });

  it('keeps at most 200 characters, its extension included', () => {
    const name = attachmentName(`${'长'.repeat(300)}.html`, 'image/png');
    expect(name).toHaveLength(200);
    expect(name.endsWith('.png')).toBe(true);
    expect(attachmentName(`${'a'.repeat(300)}.png`, 'image/png')).toHaveLength(200);
  });
});
