import { MAX_ROSTER_ROWS, ROSTER_COLUMNS, rosterKeyOf, type RosterIssue, type RosterKey, type RosterRow } from '@skillcert/shared';
import ExcelJS from 'exceljs';
import { cellText, loadWorkbook } from '../common/workbook';

/** The Excel template a school fills: the roster's columns, hints as cell notes, drop-downs where the values are fixed. */
export async function rosterTemplate(title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SkillCert';
  const sheet = workbook.addWorksheet('报名名单');
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: Math.max(12, c.header.length * 3 + 4) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  ROSTER_COLUMNS.forEach((column, index) => {
    header.getCell(index + 1).note = `${column.required ? '必填。' : ''}${column.hint}`;
    const letter = sheet.getColumn(index + 1).letter;
    // Text columns keep ID numbers and phones exactly as typed (no 3.10109E+17).
    sheet.getColumn(index + 1).numFmt = '@';
    if (column.choices) {
      for (let row = 2; row <= MAX_ROSTER_ROWS + 1; row++) {
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          error: `请从下拉列表中选择：${column.choices.join('、')}`,
        };
      }
    }
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export type RosterSheet = { rows: { number: number; cells: RosterRow }[]; issues: RosterIssue[] } | { refused: string };

/** Reads the first sheet of an uploaded roster: rows by header, cells as text. */
export async function readRoster(bytes: Buffer): Promise<RosterSheet> {
  const workbook = await loadWorkbook(bytes, { what: '名单文件', unreadable: '名单文件无法读取，请上传用模板填写的 .xlsx 文件' });
  if ('refused' in workbook) return workbook;
  const sheet = workbook.worksheets[0];
  if (!sheet) return { refused: '名单文件中没有工作表' };
  const keys = new Map<number, RosterKey>();
  sheet.getRow(1).eachCell((cell, column) => {
    const key = rosterKeyOf(cellText(cell.value).text);
    if (key) keys.set(column, key);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && ![...keys.values()].includes(c.key)).map((c) => c.header);
  if (missing.length) return { refused: `名单缺少必填列：${missing.join('、')}。请使用下载的模板` };

  const rows: { number: number; cells: RosterRow }[] = [];
  const issues: RosterIssue[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: RosterRow = {};
    for (const [column, key] of keys) {
      const { text, lostDigits } = cellText(row.getCell(column).value);
      if (lostDigits && key === 'residentId') {
        issues.push({ row: number, column: '身份证号', message: '身份证号被存成了数字，末几位已丢失。请将该列设为文本格式后重新填写' });
      }
      cells[key] = text.trim();
    }
    if (Object.values(cells).every((v) => !v)) return;
    rows.push({ number, cells });
  });
  if (rows.length > MAX_ROSTER_ROWS) return { refused: `一次最多导入${MAX_ROSTER_ROWS}名学员，请分批导入` };
  return { rows, issues };
}
