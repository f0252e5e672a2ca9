/**
 * Opening an uploaded workbook from whatever wrote it. exceljs reads the parts Excel writes under
 * the names Excel gives them; other producers write the same package differently, and exceljs
 * then fails with a TypeError that says nothing to the user. Before exceljs reads a file, we
 * therefore (1) tell what the file is when it is no .xlsx at all (an old .xls, an encrypted file,
 * a web page saved as .xls, an .ods, a file cut short…) and (2) repair the package's naming where
 * it is valid but not Excel's:
 *
 * - openpyxl keeps cell notes in `xl/comments/comment1.xml` and `xl/drawings/commentsDrawing1.vml`
 *   and points at them with absolute targets (`/xl/comments/comment1.xml`). exceljs looks notes up
 *   by the relative target Excel writes (`../comments1.xml`) among parts named `xl/commentsN.xml`,
 *   finds nothing and fails on `undefined.comments`. We rename such parts to Excel's names and
 *   write every worksheet relationship as a relative target (exceljs issues #2797, #1198).
 * - Files from WPS Office and OpenXML SDK tools may bind the spreadsheet namespace to a prefix
 *   (`<x:workbook>`); exceljs matches bare tag names, finds no workbook and fails on
 *   `undefined.sheets` (exceljs #1437, #962). We rewrite those parts with the default namespace.
 * - A note's text written as one plain `<t>` (openpyxl), where exceljs reads only runs, becomes
 *   one run, so the note reads as written.
 * - Notes that point at a missing part, or whose part is not well-formed XML, are dropped: notes
 *   are never data, and the sheet is then read as it is.
 * - A `docProps/app.xml` that is not an extended-properties part (exceljs #2348) is dropped.
 *
 * Nothing of a cell's content is changed, and no check of the import is relaxed. A file that still
 * cannot be read gets a reason: the part that is not well-formed XML, or exceljs's own message.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import ExcelJS from 'exceljs';

/** A file that cannot be read as a workbook; `reason` is a Chinese sentence for the user. */
export class UnreadableWorkbook extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SAVE_AS = '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿(.xlsx)后再上传';

const startsWith = (file: Buffer, bytes: number[]) => bytes.every((b, i) => file[i] === b);
const has = (file: Buffer, text: string, encoding: BufferEncoding = 'latin1') =>
  file.indexOf(Buffer.from(text, encoding)) >= 0;

/** What a file that is not a zip package is, as the reason it cannot be read. */
function notAPackage(file: Buffer): string {
  if (!file.length) return '文件是空的(0 字节)';
  if (startsWith(file, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // an OLE compound file: an encrypted OOXML package, or a legacy binary document
    if (has(file, 'EncryptedPackage', 'utf16le') || has(file, 'EncryptionInfo', 'utf16le'))
      return '文件设置了打开密码(已加密)，系统无法读取。请在 Excel 或 WPS 中取消文件密码后重新保存并上传';
    if (has(file, 'Workbook', 'utf16le') || has(file, 'Book', 'utf16le'))
      return `这是旧版 Excel 97-2003 工作簿(.xls)，不是 .xlsx。${SAVE_AS}`;
    if (has(file, 'WordDocument', 'utf16le')) return '这是 Word 文档(.doc)，不是 Excel 工作簿';
    return `这是旧版 Office 文档，不是 .xlsx 工作簿。${SAVE_AS}`;
  }
  if (startsWith(file, [0x25, 0x50, 0x44, 0x46])) return '这是 PDF 文件，不是 Excel 工作簿';
  const head = file
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/<(!doctype\s+html|html|table|meta)[\s>]/i.test(head))
    return `这是网页(HTML)格式的表格(常见于从其他系统导出的“.xls”)，不是真正的 Excel 工作簿。${SAVE_AS}`;
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return `这是“XML 电子表格 2003”格式，不是 .xlsx。${SAVE_AS}`;
  if (!file.subarray(0, 4096).includes(0)) return `这是文本文件(如 CSV)，不是 Excel 工作簿。${SAVE_AS}`;
  return `文件不是 .xlsx 工作簿(无法识别的格式)。${SAVE_AS}`;
}

/** What a zip package is when it is no spreadsheet, or null when it holds a workbook. */
async function notAWorkbook(zip: JSZip): Promise<string | null> {
  const mimetype = zip.file('mimetype');
  if (mimetype) {
    const type = (await mimetype.async('string')).trim();
    if (type.includes('opendocument.spreadsheet'))
      return `这是 OpenDocument 表格(.ods)，不是 .xlsx。${SAVE_AS}`;
    return '这是 OpenDocument 文档，不是 Excel 工作簿';
  }
  const workbook = zip.file('xl/workbook.xml');
  if (workbook) {
    // ISO 29500 Strict (Excel's "Strict Open XML 电子表格"): other namespaces and relationship types
    if ((await workbook.async('string')).slice(0, 2000).includes('purl.oclc.org/ooxml/spreadsheetml/main'))
      return `这是“Strict Open XML 电子表格”格式，系统只读取常规的 Excel 工作簿。${SAVE_AS}`;
    return null;
  }
  if (zip.file('xl/workbook.bin')) return `这是 Excel 二进制工作簿(.xlsb)，不是 .xlsx。${SAVE_AS}`;
  if (zip.file('word/document.xml')) return '这是 Word 文档(.docx)，不是 Excel 工作簿';
  if (zip.file(/^ppt\//).length) return '这是 PowerPoint 演示文稿，不是 Excel 工作簿';
  return '这是一个压缩包，但里面没有 Excel 工作簿(缺少 xl/workbook.xml)';
}

/** The first well-formedness error of an XML text, as "line: message", or null. */
function xmlError(text: string): string | null {
  const parser = new SaxesParser();
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  try {
    parser.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

interface Rel {
  element: string;
  type: string;
  target: string;
  external: boolean;
}

function relsOf(xml: string): Rel[] {
  return [...xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)].map(([element]) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(element)?.[1] ?? '';
    return {
      element,
      type: attr('Type'),
      target: attr('Target'),
      external: attr('TargetMode') === 'External',
    };
  });
}

/** A relationship's target as a part name, from the folder of the part that names it. */
function resolve(folder: string, target: string): string {
  const parts = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const p of target.replace(/\\/g, '/').split('/')) {
    if (p === '..') parts.pop();
    else if (p && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** Excel's own part names for what worksheets point at, and how a worksheet names them. */
const canonical: { type: string; pattern: RegExp; name: (n: number) => string; notes?: true }[] = [
  { type: '/comments', pattern: /^xl\/comments\d+\.xml$/, name: (n) => `xl/comments${n}.xml`, notes: true },
  {
    type: '/vmlDrawing',
    pattern: /^xl\/drawings\/vmlDrawing\d+\.vml$/,
    name: (n) => `xl/drawings/vmlDrawing${n}.vml`,
    notes: true,
  },
  { type: '/table', pattern: /^xl\/tables\/table\d+\.xml$/, name: (n) => `xl/tables/table${n}.xml` },
  {
    type: '/drawing',
    pattern: /^xl\/drawings\/[a-zA-Z0-9]+\.xml$/,
    name: (n) => `xl/drawings/drawing${n}.xml`,
  },
];

async function rename(zip: JSZip, from: string, to: string) {
  const data = await zip.file(from)!.async('uint8array');
  zip.remove(from);
  zip.file(to, data);
  const slash = from.lastIndexOf('/');
  const rels = `${from.slice(0, slash)}/_rels/${from.slice(slash + 1)}.rels`;
  if (zip.file(rels) && from.slice(0, slash) === to.slice(0, to.lastIndexOf('/'))) {
    const t = to.lastIndexOf('/');
    await rename(zip, rels, `${to.slice(0, t)}/_rels/${to.slice(t + 1)}.rels`);
  }
}

/** Rewrites parts that bind the spreadsheet namespace to a prefix (<x:workbook>) with the default one. */
async function unprefix(zip: JSZip): Promise<boolean> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  if (!/<[\w.-]+:workbook\b/.test(workbook.slice(0, 4000))) return false;
  let changed = false;
  for (const file of zip.file(/^xl\/.*\.xml$/)) {
    const text = await file.async('string');
    const root = /^\s*<([\w.-]+):[\w.-]+\b[^>]*>/.exec(text.replace(/<\?[^>]*\?>/g, ''));
    const prefix = root?.[1];
    if (!prefix || !root[0].includes(`xmlns:${prefix}="${MAIN}"`)) continue;
    const p = prefix.replace(/[.]/g, '\\.');
    zip.file(
      file.name,
      text
        .replace(new RegExp(`<(/?)${p}:`, 'g'), '<$1')
        .replace(new RegExp(`xmlns:${p}="${MAIN}"`, 'g'), `xmlns="${MAIN}"`),
    );
    changed = true;
  }
  return changed;
}

/** Renames the parts worksheets point at to Excel's names and writes relative targets; drops broken notes. */
async function repairWorksheetRels(zip: JSZip): Promise<boolean> {
  let changed = false;
  const used = new Set(Object.keys(zip.files));
  const counters = new Map<string, number>();
  const freshName = (c: (typeof canonical)[number]) => {
    let n = counters.get(c.type) ?? 1;
    while (used.has(c.name(n))) n++;
    counters.set(c.type, n + 1);
    used.add(c.name(n));
    return c.name(n);
  };
  for (const relsFile of zip.file(/^xl\/worksheets\/_rels\/[^/]+\.rels$/)) {
    const original = await relsFile.async('string');
    let xml = original;
    for (const rel of relsOf(original)) {
      if (rel.external) continue;
      const kind = canonical.find((c) => rel.type.endsWith(c.type));
      if (!kind) continue;
      let part = resolve('xl/worksheets', rel.target);
      if (kind.notes) {
        const file = zip.file(part);
        const text = file ? await file.async('string') : '';
        if (!file || xmlError(text) !== null) {
          if (file) zip.remove(part);
          xml = xml.replace(rel.element, '');
          continue;
        }
        // a note's text written as one plain <t> (openpyxl) where exceljs reads runs <r><t>
        const runs = text.replace(
          /<text>(\s*)<t(\s[^>]*)?>([\s\S]*?)<\/t>(\s*)<\/text>/g,
          '<text><r><t$2>$3</t></r></text>',
        );
        if (runs !== text) {
          zip.file(part, runs);
          changed = true;
        }
      }
      if (!zip.file(part)) continue; // a missing table or drawing: exceljs will say so
      if (!kind.pattern.test(part)) {
        const to = freshName(kind);
        await rename(zip, part, to);
        part = to;
      }
      const relative = `../${part.slice('xl/'.length)}`;
      if (rel.target !== relative)
        xml = xml.replace(rel.element, rel.element.replace(`Target="${rel.target}"`, `Target="${relative}"`));
    }
    if (xml !== original) {
      zip.file(relsFile.name, xml);
      changed = true;
    }
  }
  return changed;
}

/** Repairs the package where it is valid but named unlike Excel's; true when anything changed. */
async function repair(zip: JSZip): Promise<boolean> {
  let changed = false;
  // part names written with a leading slash or Windows separators
  for (const name of Object.keys(zip.files)) {
    const clean = name.replace(/\\/g, '/').replace(/^\/+/, '');
    if (clean !== name && !zip.files[name]!.dir) {
      await rename(zip, name, clean);
      changed = true;
    }
  }
  const app = zip.file('docProps/app.xml');
  if (app && !/<Properties[\s>]/.test(await app.async('string'))) {
    zip.remove('docProps/app.xml');
    changed = true;
  }
  if (await unprefix(zip)) changed = true;
  if (await repairWorksheetRels(zip)) changed = true;
  return changed;
}

const partLabel = (name: string) =>
  name === 'xl/workbook.xml'
    ? '工作簿目录'
    : /^xl\/worksheets\//.test(name)
      ? '工作表'
      : name === 'xl/sharedStrings.xml'
        ? '文本表'
        : name === 'xl/styles.xml'
          ? '样式表'
          : '部件';

/** Why exceljs could not read a package: the first part that is not well-formed XML, or its message. */
async function diagnose(zip: JSZip, error: unknown): Promise<string> {
  for (const file of zip.file(/\.(xml|rels|vml)$/)) {
    const problem = xmlError(await file.async('string'));
    if (problem)
      return `文件中的${partLabel(file.name)}(${file.name})不是有效的 XML(${problem})，文件可能已损坏。${SAVE_AS}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `文件的结构无法解析(${message.slice(0, 200)})。${SAVE_AS}`;
}

/**
 * Reads an uploaded .xlsx with exceljs, repairing other producers' naming first; throws
 * UnreadableWorkbook with the reason. `ignore` names worksheet parts the caller does not need
 * (exceljs's ignoreNodes): a filled template's drop-downs cover thousands of cells, and reading
 * them costs seconds that an import has no use for.
 */
export async function openWorkbook(
  file: Buffer,
  opts: { ignore?: string[] } = {},
): Promise<ExcelJS.Workbook> {
  if (!startsWith(file, [0x50, 0x4b])) throw new UnreadableWorkbook(notAPackage(file));
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file);
  } catch (e) {
    const message = (e as Error).message;
    if (/encrypt/i.test(message)) throw new UnreadableWorkbook('压缩包设置了密码，系统无法读取');
    throw new UnreadableWorkbook(
      `文件已损坏或不完整(压缩包无法打开：${message})，可能是下载或复制时中断。请重新保存后上传`,
    );
  }
  const other = await notAWorkbook(zip);
  if (other) throw new UnreadableWorkbook(other);
  let body: Buffer = file;
  try {
    if (await repair(zip)) body = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  } catch (e) {
    throw new UnreadableWorkbook(await diagnose(zip, e));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(body as unknown as ArrayBuffer, { ignoreNodes: opts.ignore ?? [] } as never);
  } catch (e) {
    throw new UnreadableWorkbook(await diagnose(zip, e));
  }
  if (!wb.worksheets.length)
    throw new UnreadableWorkbook(await diagnose(zip, new Error('工作簿中没有工作表')));
  return wb;
}
