export default definePageConfig({ navigationBarTitleText: '认定计划' });
