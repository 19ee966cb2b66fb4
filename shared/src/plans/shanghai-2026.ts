import { REGULATION_2023 } from './regulation-2023';
import type { Material, Plan } from './types';

const MATERIALS: Material[] = [
  { id: 'id-card', name: '有效身份证原件', note: '个人申报须携带原件至业务受理点现场核验' },
  { id: 'eligibility-proof', name: '符合申报条件要求的证明材料', note: '如工作年限证明、职业技能等级证书、毕业证书或在读证明、职称证书' },
  {
    id: 'signed-form',
    name: '经本人确认签字的报名表',
    note: '系统生成，确认所填信息无误后签字',
    commitment:
      '本人确认报名表所填个人信息、工作经历、学历及证书信息真实、准确、完整，所提交的证明材料均真实有效。如有虚假承诺或伪造材料，本人愿承担取消考试资格及成绩、考核评价费不予退还、已获证书作无效处理等后果，并接受相应的禁考处理。',
  },
];

const SUBJECT_THEORY = { kind: 'theory', name: '理论知识', feeFen: 100_00 } as const;

export const SHANGHAI_2026: Plan = {
  id: 'shanghai-2026',
  title: '2026年上海市呼叫中心服务员社会化职业技能评价',
  // The notice carries no date of its own; it governs calendar year 2026.
  publishedOn: '2026-01-01',
  year: 2026,
  body: { id: 'sh-cpna', name: '上海市算力网络协会', shortName: '上海算力网络协会', city: '上海' },
  occupation: { name: '呼叫中心服务员', code: '4-04-05-03' },
  standard: REGULATION_2023,
  levels: [
    {
      level: 3,
      name: '三级/高级工',
      offered: true,
      subjects: [SUBJECT_THEORY, { kind: 'practical', name: '操作技能', feeFen: 350_00 }],
      materials: MATERIALS,
    },
    {
      level: 4,
      name: '四级/中级工',
      offered: true,
      subjects: [SUBJECT_THEORY, { kind: 'practical', name: '操作技能', feeFen: 300_00 }],
      materials: MATERIALS,
    },
    {
      level: 5,
      name: '五级/初级工',
      offered: true,
      subjects: [SUBJECT_THEORY, { kind: 'practical', name: '操作技能', feeFen: 250_00 }],
      materials: MATERIALS,
    },
  ],
  schedule: {
    kind: 'monthly',
    windows: [
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((m) => ({ applyMonth: m, assessBy: 'end-of-next-month' as const, label: `${m + 1}月底前` })),
      { applyMonth: 12, assessBy: 'end-of-same-month', label: '12月底前或根据次年公告排考' },
    ],
    notes: [
      '申报及评价时间根据国家及本市技能人才评价相关要求动态调整。',
      '1月不受理申报；12月申报的，有空余场次则12月底前评价，否则根据次年公告排考。',
      '如遇不可抗力等原因，评定场次和时间将适时调整，具体时间另行通知。',
    ],
  },
  assessment: { sameDay: true, notes: ['理论知识、操作技能一般安排在同一天内考核。'] },
  passMark: 60,
  results: {
    validYears: 2,
    lookup: [
      '完成所有科目评价后，一般20个工作日内可登录“随申办”查询成绩及证书信息（市人力资源和社会保障局-劳动就业-职业技能证书查询）。',
      '证书信息也可通过“技能人才评价工作网”（www.osta.org.cn）查询。',
    ],
  },
  ticket: {
    channels: [
      '团体申报：由所在社会培训机构、职业院校发放准考证，须自行打印。',
      '个人申报：认定考核日期前五个工作日内下载打印，或通过电子邮箱收到电子版准考证。',
      '凭准考证及有效证件参加考试。',
    ],
  },
  makeup: {
    perSubject: true,
    competitionFailureAllowed: false,
    notes: [
      '部分科目成绩不合格的，可按科目申报补考。',
      '成绩有效期为两年，超过有效期须重新申报所有科目。',
      '成绩有效期内重新申报同职业同等级的，视为放弃补考机会，之前的合格科目成绩不再保留。',
      '补考有效期内考核模式如发生变化，应按公布的补考方案申报。',
      '参加本市职业技能竞赛成绩不合格者，不能进行补考。',
    ],
  },
  payment: {
    channels: ['wechat', 'bank'],
    paidTimeRule: '缴费完成时间以指定银行账户收到款项的时间为准。',
    bank: {
      accountName: '上海市算力网络协会',
      accountNumber: '642946633',
      bankName: '中国民生银行股份有限公司上海市东支行',
      remarkTemplate: '呼叫中心服务员（{level}级）-考核费',
    },
  },
  declaration: {
    group: '本市社会培训机构学员、院校在校学生，经所在机构或院校资格初审后，由机构办理团体申报。',
    individual: '个人申报的，请携带身份证原件及符合申报条件的证明材料至业务受理点现场办理。',
  },
  collection: {
    group: '由所在社会培训机构或院校统一领取（快递费由申领单位自理）。',
    individual: '由本人至业务受理点领取，或选择快递到付。',
  },
  acceptancePoint: {
    address: '上海市虹口区天宝路879号B楼413室',
    hours: [
      { from: '09:00', to: '11:00' },
      { from: '13:30', to: '16:30' },
    ],
    note: '工作日 9:00-11:00，13:30-16:30',
    visits: { minutes: 30, capacity: 6, daysAhead: 14 },
  },
  contacts: [
    { label: '业务咨询电话', kind: 'phone', value: '021-65791220' },
    { label: '业务监督电话', kind: 'phone', value: '18901770000', hours: '工作日上午9:30-11:00，下午13:30-16:30' },
    { label: '上海市职业技能鉴定中心监督电话', kind: 'phone', value: '400-820-9278', hours: '工作日上午9:30-11:00，下午13:30-16:30' },
    { label: '国家职业技能标准查询', kind: 'web', value: 'http://biaozhun.osta.org.cn/' },
    { label: '文件及考核指导手册查询', kind: 'wechat', value: '微信公众号“上海市算力网络协会-算力家园-培训认证”' },
  ],
  notices: [
    {
      title: '参评人员须知',
      items: [
        '申报材料和信息须真实有效，经系统生成的报名表应由本人确认无误并签字后，提交原件至评价机构。',
        '不符合申报条件或申报材料虚假伪造的，取消考试资格及成绩，考核评价费不予退还，已获得的证书作无效处理。',
        '携带禁携物品、擅离座位、影响考场秩序等，经提醒拒不改正的，取消当次该科目成绩。',
        '使用电子设备、抄袭或协助抄袭、损毁试卷、将试题带出考场等作弊行为，取消当次全部科目成绩，且当年不得参加评价。',
        '虚假承诺、事先获取或传播试题、冒名顶替、串通作弊等，取消当次全部科目成绩；情节轻微的2年内、情节严重的5年内不得参加评价。',
        '评价活动结束后发现违纪违规行为并经确认的，宣布评价成绩无效，已颁发的证书作相应处理。',
      ],
    },
  ],
};
