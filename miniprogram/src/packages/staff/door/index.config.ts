export default definePageConfig({ navigationBarTitleText: '考场签到' });
