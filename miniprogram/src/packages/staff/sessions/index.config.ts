export default definePageConfig({ navigationBarTitleText: '考核场次' });
