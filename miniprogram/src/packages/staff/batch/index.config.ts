export default definePageConfig({ navigationBarTitleText: '批次审核' });
