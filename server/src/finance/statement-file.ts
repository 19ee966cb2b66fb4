import { cellText, loadWorkbook } from '../common/workbook';

const MAX_ROWS = 5000;

/**
 * A bank statement as rows of text: .xlsx, or CSV as banks export it — often in
 * GBK, so bytes that are not valid UTF-8 are read as GBK.
 */
export async function readStatementFile(bytes: Buffer): Promise<string[][] | { refused: string }> {
  if (bytes.length === 0) return { refused: '文件为空' };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const rows = isZip ? await readWorkbook(bytes) : readCsv(decode(bytes));
  if ('refused' in rows) return rows;
  if (rows.length > MAX_ROWS) return { refused: `一次最多导入${MAX_ROWS}行，请分段导出` };
  return rows;
}

async function readWorkbook(bytes: Buffer): Promise<string[][] | { refused: string }> {
  const workbook = await loadWorkbook(bytes, { what: '对账单', unreadable: '文件无法读取，请上传银行导出的 .xlsx 或 .csv 文件' });
  if ('refused' in workbook) return workbook;
  const sheet = workbook.worksheets[0];
  if (!sheet) return { refused: '文件中没有工作表' };
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).text);
    rows.push(cells);
  });
  return rows;
}

function decode(bytes: Buffer): string {
  const text = bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(text);
  } catch {
    return new TextDecoder('gbk').decode(text);
  }
}

/** RFC 4180: commas, quoted fields with doubled quotes and line breaks; a leading tab (banks' "keep as text" trick) dropped. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.replace(/^\t/, ''));
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field.replace(/^\t/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field.replace(/^\t/, ''));
    rows.push(row);
  }
  return rows;
}
