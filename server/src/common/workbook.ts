import ExcelJS from 'exceljs';
import { createInflateRaw } from 'node:zlib';

/**
 * Spreadsheets from outside (rosters, bank statements, score sheets) are read
 * within limits that hold before memory is spent: the .xlsx's parts are
 * inflated as streams and counted as they come — bytes, rows, cells, time —
 * and the first limit passed refuses the file. A zip's declared sizes are never
 * believed; only inflated bytes count. Only a file that passed is given to exceljs,
 * which builds the whole workbook in memory.
 */
export const WORKBOOK_LIMITS = {
  /** Every part inflated, together. A 10,000-row score sheet is about 3 MB. */
  uncompressedBytes: 24 * 1024 * 1024,
  rows: 20_000,
  cells: 400_000,
  parts: 500,
  seconds: 10,
};

export type Limits = typeof WORKBOOK_LIMITS;

/**
 * The workbook, or why it was refused, in words for the person who uploaded it.
 * `what`: the file as they know it (名单文件, 对账单, 成绩表); `unreadable`: what to say when it is no spreadsheet.
 */
export async function loadWorkbook(
  bytes: Buffer,
  { what, unreadable }: { what: string; unreadable: string },
  limits: Limits = WORKBOOK_LIMITS,
): Promise<ExcelJS.Workbook | { refused: string }> {
  const checked = await withinLimits(bytes, limits);
  if (checked === UNREADABLE) return { refused: unreadable };
  if (checked !== true) return { refused: `${what}${checked}` };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { refused: unreadable };
  }
  return workbook;
}

const UNREADABLE = 'unreadable';

interface ZipPart {
  name: string;
  method: number;
  compressedSize: number;
  dataStart: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The zip's parts from its central directory, as a reader like exceljs's finds them; undefined when it is no zip we read. */
function zipParts(bytes: Buffer, maxParts: number): ZipPart[] | undefined | 'too many' {
  // The end record sits in the last 22 bytes plus a comment of at most 65,535.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = bytes.readUInt16LE(end + 10);
  if (count > maxParts) return 'too many';
  let at = bytes.readUInt32LE(end + 16);
  const parts: ZipPart[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return undefined;
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    // ZIP64 (sizes of 4 GB and more) has no place in a form someone filled in.
    if (compressedSize === 0xffffffff || localAt === 0xffffffff) return undefined;
    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== LOCAL) return undefined;
    const dataStart = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (dataStart + compressedSize > bytes.length) return undefined;
    parts.push({ name, method, compressedSize, dataStart });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Counts `<row` and `<c ` openings across chunk boundaries: rows and cells of a sheet's XML. */
class SheetCounter {
  rows = 0;
  cells = 0;
  private carry = '';

  add(chunk: Buffer): void {
    const text = this.carry + chunk.toString('latin1');
    // A tag may begin at the end of one chunk and end in the next: the last characters are looked at again,
    // and only what ends past them counts (what ended inside them was counted the time before).
    this.rows += countEndingAfter(text, /<row[\s>]/g, this.carry.length);
    this.cells += countEndingAfter(text, /<c[\s>]/g, this.carry.length);
    this.carry = text.slice(-4);
  }
}

function countEndingAfter(text: string, pattern: RegExp, from: number): number {
  let n = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) if (match.index + match[0].length > from) n++;
  return n;
}

/** true, or what was passed, in words. */
async function withinLimits(bytes: Buffer, limits: Limits): Promise<true | string> {
  const parts = zipParts(bytes, limits.parts);
  if (parts === undefined) return UNREADABLE;
  if (parts === 'too many') return `包含的部件超过${limits.parts}个，无法读取`;
  const deadline = Date.now() + limits.seconds * 1000;
  let total = 0;
  const sheet = new SheetCounter();
  for (const part of parts) {
    if (part.method !== 0 && part.method !== 8) return '使用了不支持的压缩方式，请另存为标准的 .xlsx 文件';
    const isSheet = /^xl\/worksheets\/[^/]+\.xml$/.test(part.name);
    const data = bytes.subarray(part.dataStart, part.dataStart + part.compressedSize);
    const passed = await inflateCounting(data, part.method === 8, (chunk) => {
      total += chunk.length;
      if (total > limits.uncompressedBytes) return `解压后超过${Math.round(limits.uncompressedBytes / 1024 / 1024)} MB，请只保留需要导入的内容`;
      if (Date.now() > deadline) return `读取超过${limits.seconds}秒，请只保留需要导入的内容`;
      if (isSheet) {
        sheet.add(chunk);
        if (sheet.rows > limits.rows) return `超过${limits.rows}行，请分成几个文件导入`;
        if (sheet.cells > limits.cells) return `超过${limits.cells}个单元格，请删除多余的列和行`;
      }
      return undefined;
    });
    if (passed !== true) return passed;
  }
  return true;
}

/** Inflates one part as a stream, handing each chunk to `look`; the first refusal it returns stops the inflating. */
function inflateCounting(data: Buffer, deflated: boolean, look: (chunk: Buffer) => string | undefined): Promise<true | string> {
  if (!deflated) return Promise.resolve(look(data) ?? true);
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let settled = false;
    const settle = (result: true | string) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      resolve(result);
    };
    inflate.on('data', (chunk: Buffer) => {
      const refused = look(chunk);
      if (refused) settle(refused);
    });
    inflate.on('error', () => settle(UNREADABLE));
    inflate.on('end', () => settle(true));
    inflate.end(data);
  });
}

/** A cell as the text a person sees; Excel keeps wall-clock times, which exceljs hands over as UTC fields. Dates are calendar dates. */
export function cellText(value: ExcelJS.CellValue): { text: string; lostDigits?: boolean } {
  if (value === null || value === undefined) return { text: '' };
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const seconds = value.getUTCHours() * 3600 + value.getUTCMinutes() * 60 + value.getUTCSeconds();
    return { text: seconds === 0 ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}` };
  }
  // An 18-digit ID typed into a number cell has already lost its last digits.
  if (typeof value === 'number') return { text: String(value), lostDigits: value > 1e15 };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'boolean') return { text: value ? '是' : '否' };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return { text: String(value.text) };
  return { text: '' };
}

const pad = (n: number) => String(n).padStart(2, '0');
