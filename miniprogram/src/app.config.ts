export default defineAppConfig({
  pages: ['pages/index/index', 'pages/plan/index', 'pages/eligibility/index'],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '技能等级认定',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f6f9',
  },
});
