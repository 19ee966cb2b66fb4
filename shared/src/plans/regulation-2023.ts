import type { EligibilityStandard } from './types';

/**
 * 《国家职业标准编制技术规程（2023年版）》“申请参加职业技能评价的条件” —
 * Annex 1 of the Shanghai 2026 notice. Work, certificates and majors in a
 * related occupation (相关职业/相关专业) count as well as this one.
 */
const ANY_SCHOOL = ['technical', 'technical-senior', 'technician', 'secondary-vocational', 'higher-vocational', 'college'] as const;
const HIGHER_OR_COLLEGE = ['higher-vocational', 'college'] as const;
const SAME_OR_RELATED = ['same', 'related'] as const;

export const REGULATION_2023: EligibilityStandard = {
  id: 'regulation-2023',
  name: '《国家职业标准编制技术规程（2023年版）》申请参加职业技能评价的条件',
  minimumAge: 16,
  counts: 'same-or-related',
  clauses: {
    5: [
      { id: '5.1', text: '年满16周岁，拟从事本职业或相关职业工作。', requires: [{ kind: 'intends-to-work' }] },
      { id: '5.2', text: '年满16周岁，从事本职业或相关职业工作。', requires: [{ kind: 'currently-working' }] },
    ],
    4: [
      { id: '4.1', text: '累计从事本职业或相关职业工作满5年。', requires: [{ kind: 'work', measure: 'cumulative', years: 5 }] },
      {
        id: '4.2',
        text: '取得本职业或相关职业五级/初级工职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满3年。',
        requires: [
          { kind: 'certificate', level: 5 },
          { kind: 'work', measure: 'cumulative', years: 3, after: { kind: 'certificate', level: 5 } },
        ],
      },
      {
        id: '4.3',
        text: '取得本专业或相关专业的技工院校或中等及以上职业院校、专科及以上普通高等学校毕业证书（含在读应届毕业生）。',
        requires: [{ kind: 'diploma', schools: [...ANY_SCHOOL], majors: [...SAME_OR_RELATED], finalYearCounts: true }],
      },
    ],
    3: [
      { id: '3.1', text: '累计从事本职业或相关职业工作满10年。', requires: [{ kind: 'work', measure: 'cumulative', years: 10 }] },
      {
        id: '3.2',
        text: '取得本职业或相关职业四级/中级工职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满4年。',
        requires: [
          { kind: 'certificate', level: 4 },
          { kind: 'work', measure: 'cumulative', years: 4, after: { kind: 'certificate', level: 4 } },
        ],
      },
      {
        id: '3.3',
        text: '取得符合专业对应关系的初级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满1年。',
        requires: [
          { kind: 'title', grade: 'junior' },
          { kind: 'work', measure: 'cumulative', years: 1, after: { kind: 'title', grade: 'junior' } },
        ],
      },
      {
        id: '3.4',
        text: '取得本专业或相关专业的技工院校高级工班及以上毕业证书（含在读应届毕业生）。',
        requires: [{ kind: 'diploma', schools: ['technical-senior', 'technician'], majors: [...SAME_OR_RELATED], finalYearCounts: true }],
      },
      {
        id: '3.5',
        text: '取得本职业或相关职业四级/中级工职业资格（职业技能等级）证书，并取得高等职业学校、专科及以上普通高等学校本专业或相关专业毕业证书（含在读应届毕业生）。',
        requires: [
          { kind: 'certificate', level: 4 },
          { kind: 'diploma', schools: [...HIGHER_OR_COLLEGE], majors: [...SAME_OR_RELATED], finalYearCounts: true },
        ],
      },
      {
        id: '3.6',
        text: '取得经评估论证的高等职业学校、专科及以上普通高等学校本专业或相关专业的毕业证书（含在读应届毕业生）。',
        requires: [{ kind: 'diploma', schools: [...HIGHER_OR_COLLEGE], majors: [...SAME_OR_RELATED], finalYearCounts: true, evaluated: true }],
      },
    ],
    2: [
      {
        id: '2.1',
        text: '取得本职业或相关职业三级/高级工职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满5年。',
        requires: [
          { kind: 'certificate', level: 3 },
          { kind: 'work', measure: 'cumulative', years: 5, after: { kind: 'certificate', level: 3 } },
        ],
      },
      {
        id: '2.2',
        text: '取得符合专业对应关系的初级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满5年，并在取得本职业或相关职业三级/高级工职业资格（职业技能等级）证书后，从事本职业或相关职业工作满1年。',
        requires: [
          { kind: 'title', grade: 'junior' },
          { kind: 'work', measure: 'cumulative', years: 5, after: { kind: 'title', grade: 'junior' } },
          { kind: 'certificate', level: 3 },
          { kind: 'work', measure: 'cumulative', years: 1, after: { kind: 'certificate', level: 3 } },
        ],
      },
      {
        id: '2.3',
        text: '取得符合专业对应关系的中级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满1年。',
        requires: [
          { kind: 'title', grade: 'intermediate' },
          { kind: 'work', measure: 'cumulative', years: 1, after: { kind: 'title', grade: 'intermediate' } },
        ],
      },
      {
        id: '2.4',
        text: '取得本职业或相关职业三级/高级工职业资格（职业技能等级）证书的高级技工学校、技师学院毕业生，累计从事本职业或相关职业工作满2年。',
        requires: [
          { kind: 'certificate', level: 3 },
          { kind: 'diploma', schools: ['technician'], majors: ['same', 'related', 'other'], finalYearCounts: false },
          { kind: 'work', measure: 'cumulative', years: 2 },
        ],
      },
      {
        id: '2.5',
        text: '取得本职业或相关职业三级/高级工职业资格（职业技能等级）证书满2年的技师学院预备技师班、技师班学生。',
        requires: [{ kind: 'technician-class-student' }, { kind: 'certificate', level: 3, heldYears: 2 }],
      },
    ],
    1: [
      {
        id: '1.1',
        text: '取得本职业或相关职业二级/技师职业资格（职业技能等级）证书后，累计从事本职业或相关职业工作满5年。',
        requires: [
          { kind: 'certificate', level: 2 },
          { kind: 'work', measure: 'cumulative', years: 5, after: { kind: 'certificate', level: 2 } },
        ],
      },
      {
        id: '1.2',
        text: '取得符合专业对应关系的中级职称后，累计从事本职业或相关职业工作满5年，并在取得本职业或相关职业二级/技师职业资格（职业技能等级）证书后，从事本职业或相关职业工作满1年。',
        requires: [
          { kind: 'title', grade: 'intermediate' },
          { kind: 'work', measure: 'cumulative', years: 5, after: { kind: 'title', grade: 'intermediate' } },
          { kind: 'certificate', level: 2 },
          { kind: 'work', measure: 'cumulative', years: 1, after: { kind: 'certificate', level: 2 } },
        ],
      },
      {
        id: '1.3',
        text: '取得符合专业对应关系的高级职称（专业技术人员职业资格）后，累计从事本职业或相关职业工作满1年。',
        requires: [
          { kind: 'title', grade: 'senior' },
          { kind: 'work', measure: 'cumulative', years: 1, after: { kind: 'title', grade: 'senior' } },
        ],
      },
    ],
  },
};
