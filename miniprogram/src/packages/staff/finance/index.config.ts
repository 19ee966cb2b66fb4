export default definePageConfig({ navigationBarTitleText: '转账对账' });
