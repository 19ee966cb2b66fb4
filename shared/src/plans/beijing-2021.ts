import { BEIJING_STANDARD_2021 } from './beijing-standard-2021';
import type { Plan } from './types';

/** The three 承诺书 the seed asks each candidate to sign, signed in the app. */
const COMMITMENTS = {
  'work-commitment': '本人承诺所填报的工作经历（单位、岗位、起止时间）真实准确，如有虚假，本人愿承担取消考试资格及成绩、已获证书作无效处理等一切后果。',
  'education-commitment': '本人承诺所填报的学历信息（院校、专业、毕业时间）真实准确，所提交的学历证明材料真实有效，如有虚假，本人愿承担一切后果。',
  'training-commitment': '本人承诺所填报的培训经历（培训机构、培训等级、结业时间）真实准确，如有虚假，本人愿承担一切后果。',
} as const;

const THEORY = { kind: 'theory', name: '理论知识考试', feeFen: 100_00, minutes: 90, mode: '机考' } as const;
const PRACTICAL_MODE = { minutes: 30, mode: '实操' } as const;

export const BEIJING_2021: Plan = {
  id: 'beijing-2021',
  title: '呼叫中心服务员2021年职业技能等级认定计划',
  publishedOn: '2021-03-29',
  year: 2021,
  body: { id: 'bj-aptech', name: '北京阿博泰克北大青鸟信息技术有限公司', shortName: '北大青鸟', city: '北京' },
  occupation: { name: '呼叫中心服务员', code: '4-04-05-03' },
  standard: BEIJING_STANDARD_2021,
  levels: [
    {
      level: 4,
      name: '四级/中级工',
      title: '呼叫服务员',
      offered: true,
      subjects: [THEORY, { kind: 'practical', name: '操作技能考核', feeFen: 200_00, ...PRACTICAL_MODE }],
      materials: [
        { id: 'id-card', name: '有效身份证原件' },
        { id: 'work-commitment', name: '考生个人签署的工作经历承诺书', commitment: COMMITMENTS['work-commitment'] },
        { id: 'education-commitment', name: '考生个人签署的学历承诺书', commitment: COMMITMENTS['education-commitment'] },
        { id: 'training-commitment', name: '考生个人签署的培训经历承诺书', commitment: COMMITMENTS['training-commitment'] },
      ],
    },
    {
      level: 3,
      name: '三级/高级工',
      title: '助理呼叫服务师',
      offered: true,
      subjects: [THEORY, { kind: 'practical', name: '操作技能考核', feeFen: 240_00, ...PRACTICAL_MODE }],
      materials: [
        { id: 'id-card', name: '有效身份证原件' },
        { id: 'work-commitment', name: '考生个人签署的工作经历承诺书', commitment: COMMITMENTS['work-commitment'] },
        { id: 'education-commitment', name: '考生个人签署的学历承诺书', commitment: COMMITMENTS['education-commitment'] },
        // Material 4 proves clauses (3) and (4); material 6 the college diploma of clauses (5)–(7).
        { id: 'level4-certificate', name: '呼叫服务员职业资格证书号或原件', requiredFor: ['3.3', '3.4'] },
        { id: 'training-commitment', name: '考生个人签署的培训经历承诺书', commitment: COMMITMENTS['training-commitment'] },
        {
          id: 'college-diploma',
          name: '大学专科及以上毕业证书及学信网在线验证码',
          note: '《教育部学籍在线验证报告》或《教育部学历证书电子注册备案表》中的在线验证码；学信网查不到的须线下申请纸质认证',
          requiredFor: ['3.5', '3.6', '3.7'],
        },
      ],
    },
    {
      level: 2,
      name: '二级/技师',
      title: '呼叫服务师',
      offered: false,
      subjects: [THEORY, { kind: 'practical', name: '操作技能考核', feeFen: 280_00 }, { kind: 'review', name: '综合评审', feeFen: 290_00 }],
      materials: [],
    },
    {
      level: 1,
      name: '一级/高级技师',
      title: '高级呼叫服务师',
      offered: false,
      subjects: [THEORY, { kind: 'practical', name: '操作技能考核', feeFen: 310_00 }, { kind: 'review', name: '综合评审', feeFen: 330_00 }],
      materials: [],
    },
  ],
  schedule: {
    kind: 'batches',
    batches: [
      { assessOn: '2021-04-24', closesOn: '2021-04-11', level: 4 },
      { assessOn: '2021-06-26', closesOn: '2021-06-13', level: 4 },
      { assessOn: '2021-08-21', closesOn: '2021-08-08', level: 4 },
      { assessOn: '2021-10-23', closesOn: '2021-10-10', level: 3 },
      { assessOn: '2021-11-27', closesOn: '2021-11-14', level: 4 },
    ],
    notes: ['以上每批次认定时间安排可能根据北京市疫情防控情况进行调整。'],
  },
  assessment: {
    sameDay: true,
    site: { name: '北大青鸟研修学院主楼', address: '北京市海淀区上庄镇上庄路117号' },
    notes: ['理论知识考试：机考，90分钟', '操作技能考试：实操，30分钟'],
  },
  passMark: 60,
  results: { validYears: 2, lookup: ['报名及成绩查询公示渠道：zhiye.jb-aptech.com.cn'] },
  // The 2021 plan says nothing of tickets, make-up, when a payment counts, how groups declare or how certificates are collected: the app says nothing either.
  ticket: { channels: [] },
  makeup: { perSubject: true, competitionFailureAllowed: false, notes: [] },
  payment: { channels: ['wechat'] },
  declaration: {},
  collection: {},
  contacts: [
    { label: '业务咨询及投诉监督', kind: 'web', value: 'zhiye.jb-aptech.com.cn' },
    { label: '投诉邮箱', kind: 'email', value: 'tousu@bdqn.cn' },
  ],
  notices: [
    {
      title: '职业技能等级认定考试防疫要求',
      intro:
        '根据当前北京市疫情防控形势需要，为确保职业技能等级认定考试顺利完成，特制定职业技能等级认定考试防疫须知如下，考试期间，所有进入考点人员须遵守以下防疫事项：',
      items: [
        '1. 考试前一天，考务人员会对考场进行消毒。',
        '2. 考试当天，考生到达考点后，须打开“国务院客户端”和“北京健康宝”微信小程序，配合检查“14天行程记录”和“北京健康码”，如未见异常，且体温不超过37.3度可进入考点。',
        '3. 考生进入考点后须全程佩戴口罩。',
        '4. 考场及考务办公室均备有免洗手消毒液，考生可取用，做好个人防护。',
        '5. 每场考试结束后考务人员对所使用设备，键盘及鼠标等进行消毒。',
        '6. 考试中间休息或换场时，考生不要聚集聊天。',
        '7. 考生进入考点后，非必要不可外出。',
        '8. 考生如出现体温超过37.3度或其他症状，请立即与考务办公室老师联系，允许离开考场就医。',
        '9. 考试结束后，考生须有序离开不得在考场逗留。',
        '10. 凡不配合防疫相关要求的考生不得进入考场。',
      ],
    },
  ],
};
