import type { EligibilityStandard } from './types';

/**
 * 《呼叫服务员国家职业标准（试行）》 as applied by the Beijing 2021 plan. It
 * speaks of 本职业/本专业 only: related occupations and majors do not count,
 * and work must be continuous (连续).
 */
export const BEIJING_STANDARD_2021: EligibilityStandard = {
  id: 'call-service-standard-trial',
  name: '《呼叫服务员国家职业标准（试行）》',
  minimumAge: 16,
  counts: 'same-only',
  clauses: {
    4: [
      { id: '4.1', text: '在本职业连续工作1年以上。', requires: [{ kind: 'work', measure: 'continuous', years: 1 }] },
      {
        id: '4.2',
        text: '具有以中级技能为培养目标的技工学校和中等职业学校本专业毕业证书。',
        requires: [{ kind: 'diploma', schools: ['technical', 'secondary-vocational'], majors: ['same'], finalYearCounts: false }],
      },
      { id: '4.3', text: '经本职业呼叫服务员正规培训达规定标准学时数，并取得结业证书。', requires: [{ kind: 'training', forLevel: 4 }] },
    ],
    3: [
      { id: '3.1', text: '在本职业连续工作6年以上。', requires: [{ kind: 'work', measure: 'continuous', years: 6 }] },
      {
        id: '3.2',
        text: '具有以高级技能为培养目标的高级技工学校、技师学院和职业技术学院本专业毕业证书。',
        // Only the schools it names: a 技工院校高级工班 is none of them (SPEC: a clause accepts only the schools it names).
        requires: [{ kind: 'diploma', schools: ['technician', 'higher-vocational'], majors: ['same'], finalYearCounts: false }],
      },
      {
        id: '3.3',
        text: '取得本职业呼叫服务员职业资格证书后，连续从事本职业工作4年以上。',
        requires: [
          { kind: 'certificate', level: 4 },
          { kind: 'work', measure: 'continuous', years: 4, after: { kind: 'certificate', level: 4 } },
        ],
      },
      {
        id: '3.4',
        text: '取得本职业呼叫服务员职业资格证书后，连续从事本职业工作3年以上，经本职业助理呼叫服务师正规培训达规定标准学时数，并取得结业证书。',
        requires: [
          { kind: 'certificate', level: 4 },
          { kind: 'work', measure: 'continuous', years: 3, after: { kind: 'certificate', level: 4 } },
          { kind: 'training', forLevel: 3 },
        ],
      },
      {
        id: '3.5',
        text: '具有本专业大学专科及以上毕业证书。',
        requires: [{ kind: 'diploma', schools: ['higher-vocational', 'college'], majors: ['same'], finalYearCounts: false }],
      },
      {
        id: '3.6',
        text: '具有非本专业大学专科及以上毕业证书，连续从事本职业工作1年以上。',
        requires: [
          { kind: 'diploma', schools: ['higher-vocational', 'college'], majors: ['related', 'other'], finalYearCounts: false },
          { kind: 'work', measure: 'continuous', years: 1 },
        ],
      },
      {
        id: '3.7',
        text: '具有非本专业大学专科及以上毕业证书，经本职业助理呼叫服务师正规培训达规定标准学时数，并取得结业证书。',
        requires: [
          { kind: 'diploma', schools: ['higher-vocational', 'college'], majors: ['related', 'other'], finalYearCounts: false },
          { kind: 'training', forLevel: 3 },
        ],
      },
    ],
  },
};
