export default defineAppConfig({
  // The main package holds the entry pages; form-heavy flows live in subpackages so the
  // first download stays small (WeChat caps the main package at 2 MB; our target is 500 KB).
  pages: ['pages/index/index', 'pages/plan/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/check', pages: ['eligibility/index'] },
    { root: 'packages/account', pages: ['profile/index', 'application/index'] },
    // Staff and school clerks: never downloaded by a candidate's phone.
    {
      root: 'packages/staff',
      pages: [
        'login/index',
        'queue/index',
        'review/index',
        'batch/index',
        'sessions/index',
        'accounts/index',
        'audit/index',
        'finance/index',
        'door/index',
        'results/index',
        'certificates/index',
        'calendar/index',
      ],
    },
    { root: 'packages/institution', pages: ['batches/index', 'batch/index'] },
    // Public: anyone checks a certificate, signed in or not.
    { root: 'packages/verify', pages: ['index'] },
  ],
  preloadRule: {
    'pages/plan/index': { network: 'all', packages: ['packages/check'] },
    'pages/me/index': { network: 'all', packages: ['packages/account'] },
  },
  // WeUI's bottom bar: plans, and the candidate's own page (their applications first). Icons are 81 px PNGs, as WeChat asks.
  tabBar: {
    color: '#6b7280',
    selectedColor: '#1f6feb',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab-me.png', selectedIconPath: 'assets/tab-me-active.png' },
    ],
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '技能等级认定',
    navigationBarTextStyle: 'black',
    backgroundColor: '#eef1f6',
  },
});
