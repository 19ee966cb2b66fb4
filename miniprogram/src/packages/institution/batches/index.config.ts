export default definePageConfig({ navigationBarTitleText: '团体申报' });
