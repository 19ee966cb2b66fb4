export default definePageConfig({ navigationBarTitleText: '申报批次' });
