import ExcelJS from 'exceljs';

export interface Student {
  name: string;
  residentId: string;
  phone: string;
  school?: string;
  major?: string;
  finalYear?: string;
}

/** A filled roster as a school would send it: the template's headers, one row per student. */
export async function roster(students: Student[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('报名名单');
  sheet.addRow(['姓名*', '身份证号*', '手机号*', '院校类型', '专业', '毕业日期', '在读应届']);
  for (const s of students) sheet.addRow([s.name, s.residentId, s.phone, s.school ?? '', s.major ?? '', '', s.finalYear ?? '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
