import { residentIdCheckChar } from '../residentId';
import { parseRosterRow, ROSTER_COLUMNS, rosterKeyOf, type RosterRow } from './roster';

const first17 = '31010920080901123';
const RESIDENT_ID = first17 + residentIdCheckChar(first17);
const STUDENT: RosterRow = { name: '林同学', residentId: RESIDENT_ID, phone: '13912345678', school: '中等职业学校', major: '本专业', finalYear: '是' };
const messages = (row: RosterRow) => parseRosterRow(row, 7).issues.map((i) => `${i.column}：${i.message}`);

describe('the group roster', () => {
  it('turns a final-year student into a person with the facts the eligibility rules read', () => {
    expect(parseRosterRow(STUDENT, 3)).toEqual({
      person: {
        name: '林同学',
        residentId: RESIDENT_ID,
        phone: '13912345678',
        facts: {
          birthDate: '2008-09-01',
          diplomas: [{ school: 'secondary-vocational', major: 'same', finalYear: true }],
          work: [],
          certificates: [],
          titles: [],
          trainings: [],
        },
      },
      issues: [],
    });
  });

  it('names each missing required cell, with the row as the spreadsheet numbers it', () => {
    expect(parseRosterRow({}, 12).issues).toEqual([
      { row: 12, column: '姓名', message: '请填写姓名' },
      { row: 12, column: '身份证号', message: '请填写身份证号' },
      { row: 12, column: '手机号', message: '请填写手机号' },
    ]);
  });

  it('says what is wrong with a name, an ID number or a phone number, and takes no person from the row', () => {
    const wrong = { ...STUDENT, name: '林', residentId: `${first17}0`.replace(/.$/, residentIdCheckChar(first17) === '0' ? '1' : '0'), phone: '1391234' };
    const parsed = parseRosterRow(wrong, 7);
    expect(parsed.person).toBeUndefined();
    expect(parsed.issues.map((i) => i.column)).toEqual(['姓名', '身份证号', '手机号']);
    expect(messages(wrong)[2]).toBe('手机号：手机号应为11位数字');
  });

  it('asks for the cells that go together, and for dates as year-month-day', () => {
    expect(messages({ ...STUDENT, major: '' })).toEqual(['专业：填写学历时须同时填写专业']);
    expect(messages({ ...STUDENT, finalYear: '' })).toEqual(['毕业日期：请填写毕业日期，或在“在读应届”填“是”']);
    expect(messages({ ...STUDENT, finalYear: '', graduatedOn: '2025/6/30' })).toEqual(['毕业日期：日期格式应为 年-月-日，如 2025-06-30']);
    expect(messages({ ...STUDENT, finalYear: '对' })).toEqual(['在读应届：应填写：是、否']);
    expect(messages({ ...STUDENT, certificateLevel: '五级' })).toEqual(['证书职业：填写证书时须同时填写证书职业', '发证日期：填写证书时须同时填写发证日期']);
  });

  it('reads work, certificates and training, and refuses work that ends before it starts', () => {
    const worker = {
      ...STUDENT,
      workFrom: '2023-07-01',
      workOccupation: '本职业',
      certificateLevel: '五级',
      certificateOccupation: '本职业',
      certificateIssuedOn: '2024-12-20',
      trainingLevel: '四级',
      trainingCompletedOn: '2026-01-15',
    };
    expect(parseRosterRow(worker, 2).person?.facts).toMatchObject({
      work: [{ from: '2023-07-01', occupation: 'same' }],
      certificates: [{ level: 5, occupation: 'same', issuedOn: '2024-12-20' }],
      trainings: [{ forLevel: 4, completedOn: '2026-01-15' }],
    });
    expect(messages({ ...worker, workTo: '2023-01-01' })).toEqual(['工作截止日期：截止日期不能早于起始日期']);
  });

  it('knows a column by its header despite stray spaces or the template’s required mark, and ignores headers it does not know', () => {
    expect(rosterKeyOf(' 身份证号* ')).toBe('residentId');
    expect(rosterKeyOf('手 机 号＊')).toBe('phone');
    expect(rosterKeyOf('备注')).toBeUndefined();
    expect(new Set(ROSTER_COLUMNS.map((c) => c.header)).size).toBe(ROSTER_COLUMNS.length);
  });
});
