import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_ROLE_NAMES } from '@skillcert/shared';
import { staffSignOut } from '../../api/staff';
import { staffSession } from '../../lib/session';

const go = (url: string) => void Taro.navigateTo({ url });

/** Who is signed in, the pages their roles open, and sign-out — at the top of each staff home. */
export function StaffBar() {
  const session = staffSession.current();
  if (!session) return null;
  const { roles, displayName } = session.staff;
  const signOut = async () => {
    await staffSignOut();
    void Taro.redirectTo({ url: '/packages/staff/login/index' });
  };
  return (
    <View className="staff-bar">
      <Text className="who">
        {displayName} · {roles.map((r) => STAFF_ROLE_NAMES[r]).join('、')}
      </Text>
      <View>
        {(roles.includes('proctor') || roles.includes('admin')) && (
          <Text className="link" onClick={() => go('/packages/staff/door/index')}>
            签到
          </Text>
        )}
        {roles.includes('admin') && (
          <>
            <Text className="link" onClick={() => go('/packages/staff/finance/index')}>
              对账
            </Text>
            <Text className="link" onClick={() => go('/packages/staff/sessions/index')}>
              场次
            </Text>
            <Text className="link" onClick={() => go('/packages/staff/certificates/index')}>
              证书
            </Text>
            <Text className="link" onClick={() => go('/packages/staff/accounts/index')}>
              账号
            </Text>
            <Text className="link" onClick={() => go('/packages/staff/audit/index')}>
              记录
            </Text>
          </>
        )}
        <Text className="link sign-out" onClick={() => void signOut()}>
          退出
        </Text>
      </View>
    </View>
  );
}
