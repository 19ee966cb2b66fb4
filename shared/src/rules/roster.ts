import { isIsoDate, type IsoDate } from '../dates';
import { parseResidentId } from '../residentId';
import { type ApplicantFacts, type Level, type MajorMatch, type OccupationMatch, type SchoolKind } from '../types';
import { MAJOR_NAMES, SCHOOL_NAMES } from './eligibility';

/**
 * The group roster (团体申报名单): the columns of the Excel template, and how one
 * row becomes a person and the facts the eligibility rules read. Both the
 * template the server writes and the import that reads it come from this list.
 */
export interface RosterColumn {
  key: RosterKey;
  header: string;
  required: boolean;
  /** Shown in the template's second row: what to write. */
  hint: string;
  /** The values a cell may take, offered as a drop-down in the template. */
  choices?: readonly string[];
}

export type RosterKey =
  | 'name'
  | 'residentId'
  | 'phone'
  | 'school'
  | 'major'
  | 'graduatedOn'
  | 'finalYear'
  | 'workFrom'
  | 'workTo'
  | 'workOccupation'
  | 'certificateLevel'
  | 'certificateOccupation'
  | 'certificateIssuedOn'
  | 'trainingLevel'
  | 'trainingCompletedOn';

const YES_NO = ['是', '否'] as const;
const OCCUPATION_CHOICES: Record<string, OccupationMatch> = { 本职业: 'same', 相关职业: 'related' };
const LEVEL_CHOICES: Record<string, Level> = { 一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5 };
const schoolByName = Object.fromEntries(Object.entries(SCHOOL_NAMES).map(([k, v]) => [v, k as SchoolKind]));
const majorByName = Object.fromEntries(Object.entries(MAJOR_NAMES).map(([k, v]) => [v, k as MajorMatch]));

export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'name', header: '姓名', required: true, hint: '与身份证一致' },
  { key: 'residentId', header: '身份证号', required: true, hint: '18位，设为文本格式' },
  { key: 'phone', header: '手机号', required: true, hint: '11位，学员凭此认领报名' },
  { key: 'school', header: '院校类型', required: false, hint: '有学历时填写', choices: Object.values(SCHOOL_NAMES) },
  { key: 'major', header: '专业', required: false, hint: '有学历时填写', choices: Object.values(MAJOR_NAMES) },
  { key: 'graduatedOn', header: '毕业日期', required: false, hint: '如 2025-06-30；在读填“在读应届”列' },
  { key: 'finalYear', header: '在读应届', required: false, hint: '是/否', choices: YES_NO },
  { key: 'workFrom', header: '工作起始日期', required: false, hint: '如 2023-07-01' },
  { key: 'workTo', header: '工作截止日期', required: false, hint: '空表示至今' },
  { key: 'workOccupation', header: '工作职业', required: false, hint: '本职业/相关职业', choices: Object.keys(OCCUPATION_CHOICES) },
  { key: 'certificateLevel', header: '已有证书等级', required: false, hint: '如 五级', choices: Object.keys(LEVEL_CHOICES) },
  { key: 'certificateOccupation', header: '证书职业', required: false, hint: '本职业/相关职业', choices: Object.keys(OCCUPATION_CHOICES) },
  { key: 'certificateIssuedOn', header: '发证日期', required: false, hint: '如 2024-12-20' },
  { key: 'trainingLevel', header: '培训等级', required: false, hint: '如 四级', choices: Object.keys(LEVEL_CHOICES) },
  { key: 'trainingCompletedOn', header: '培训结业日期', required: false, hint: '如 2026-01-15' },
];

export const MAX_ROSTER_ROWS = 500;

export type RosterRow = Partial<Record<RosterKey, string>>;

export interface RosterIssue {
  /** Row number as the spreadsheet shows it. */
  row: number;
  column: string;
  message: string;
}

export interface RosterPerson {
  name: string;
  residentId: string;
  phone: string;
  facts: ApplicantFacts;
}

/** Cells arrive as text; a date may also arrive as the spreadsheet's own date, already turned into YYYY-MM-DD by the reader. */
export function parseRosterRow(row: RosterRow, rowNumber: number): { person?: RosterPerson; issues: RosterIssue[] } {
  const issues: RosterIssue[] = [];
  const header = (key: RosterKey) => ROSTER_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const cell = (key: RosterKey) => (row[key] ?? '').trim();
  const fail = (key: RosterKey, message: string) => issues.push({ row: rowNumber, column: header(key), message });

  for (const column of ROSTER_COLUMNS) if (column.required && !cell(column.key)) fail(column.key, `请填写${column.header}`);

  const name = cell('name');
  if (name && !/^[\u4e00-\u9fa5·A-Za-z ]{2,30}$/.test(name)) fail('name', '姓名应为2-30个汉字或字母，与身份证一致');
  const residentId = cell('residentId').toUpperCase();
  const parsed = residentId ? parseResidentId(residentId) : undefined;
  if (parsed && !parsed.ok) fail('residentId', parsed.error);
  const phone = cell('phone');
  if (phone && !/^1\d{10}$/.test(phone)) fail('phone', '手机号应为11位数字');

  const date = (key: RosterKey): IsoDate | undefined => {
    const value = cell(key);
    if (!value) return undefined;
    if (!isIsoDate(value)) {
      fail(key, '日期格式应为 年-月-日，如 2025-06-30');
      return undefined;
    }
    return value;
  };
  const choice = <T>(key: RosterKey, table: Record<string, T>): T | undefined => {
    const value = cell(key);
    if (!value) return undefined;
    if (!(value in table)) {
      fail(key, `应填写：${Object.keys(table).join('、')}`);
      return undefined;
    }
    return table[value];
  };
  const together = (keys: RosterKey[], what: string) => {
    const filled = keys.filter((k) => cell(k));
    if (filled.length > 0 && filled.length < keys.length) for (const k of keys) if (!cell(k)) fail(k, `填写${what}时须同时填写${header(k)}`);
    return filled.length === keys.length;
  };

  const facts: Omit<ApplicantFacts, 'birthDate'> = { work: [], certificates: [], diplomas: [], titles: [], trainings: [] };

  const school = choice('school', schoolByName);
  const major = choice('major', majorByName);
  const graduatedOn = date('graduatedOn');
  const finalYear = choice('finalYear', { 是: true, 否: false });
  if (cell('school') || cell('major')) {
    if (together(['school', 'major'], '学历') && school && major) {
      // A cell already reported as unreadable is not asked for a second time.
      const unreadable = (cell('graduatedOn') && !graduatedOn) || (cell('finalYear') && finalYear === undefined);
      if (!graduatedOn && finalYear !== true) {
        if (!unreadable) fail('graduatedOn', '请填写毕业日期，或在“在读应届”填“是”');
      } else facts.diplomas.push({ school, major, ...(graduatedOn ? { graduatedOn } : {}), ...(finalYear ? { finalYear } : {}) });
    }
  }

  const workFrom = date('workFrom');
  const workTo = date('workTo');
  const workOccupation = choice('workOccupation', OCCUPATION_CHOICES);
  if (cell('workFrom') || cell('workOccupation') || cell('workTo')) {
    if (together(['workFrom', 'workOccupation'], '工作经历') && workFrom && workOccupation) {
      if (workTo && workTo < workFrom) fail('workTo', '截止日期不能早于起始日期');
      else facts.work.push({ from: workFrom, ...(workTo ? { to: workTo } : {}), occupation: workOccupation });
    }
  }

  const certificateLevel = choice('certificateLevel', LEVEL_CHOICES);
  const certificateOccupation = choice('certificateOccupation', OCCUPATION_CHOICES);
  const certificateIssuedOn = date('certificateIssuedOn');
  if (
    together(['certificateLevel', 'certificateOccupation', 'certificateIssuedOn'], '证书') &&
    certificateLevel &&
    certificateOccupation &&
    certificateIssuedOn
  ) {
    facts.certificates.push({ level: certificateLevel, occupation: certificateOccupation, issuedOn: certificateIssuedOn });
  }

  const trainingLevel = choice('trainingLevel', LEVEL_CHOICES);
  const trainingCompletedOn = date('trainingCompletedOn');
  if (together(['trainingLevel', 'trainingCompletedOn'], '培训经历') && trainingLevel && trainingCompletedOn) {
    facts.trainings.push({ forLevel: trainingLevel, completedOn: trainingCompletedOn });
  }

  if (issues.length > 0 || !parsed?.ok) return { issues };
  return { person: { name, residentId, phone, facts: { ...facts, birthDate: parsed.birthDate } }, issues };
}

/** Header text → column key, tolerant of stray spaces; unknown headers are ignored. */
export function rosterKeyOf(header: string): RosterKey | undefined {
  const clean = header.replace(/\s+/g, '').replace(/[*＊]/g, '');
  return ROSTER_COLUMNS.find((c) => c.header === clean)?.key;
}
