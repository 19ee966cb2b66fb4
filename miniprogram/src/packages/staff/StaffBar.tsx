import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { STAFF_ROLE_NAMES, type StaffRole } from '@skillcert/shared';
import { staffSignOut } from '../../api/staff';
import { staffSession } from '../../lib/session';

/** The pages each role opens from any staff home; the review queue is home itself. */
const STAFF_LINKS: readonly { label: string; url: string; roles: readonly StaffRole[] }[] = [
  { label: '签到', url: '/packages/staff/door/index', roles: ['proctor', 'admin'] },
  { label: '成绩', url: '/packages/staff/sessions/index', roles: ['proctor', 'admin'] },
  { label: '对账', url: '/packages/staff/finance/index', roles: ['admin'] },
  { label: '证书', url: '/packages/staff/certificates/index', roles: ['admin'] },
  { label: '账号', url: '/packages/staff/accounts/index', roles: ['admin'] },
  { label: '记录', url: '/packages/staff/audit/index', roles: ['admin'] },
];

/** Who is signed in, the pages their roles open (a row of thumb-sized tiles that fits a small phone), and sign-out. */
export function StaffBar() {
  const session = staffSession.current();
  if (!session) return null;
  const { roles, displayName } = session.staff;
  const roleNames = roles.map((r) => STAFF_ROLE_NAMES[r]).join('、');
  const links = STAFF_LINKS.filter((link) => link.roles.some((role) => roles.includes(role)));
  const signOut = async () => {
    await staffSignOut();
    void Taro.redirectTo({ url: '/packages/staff/login/index' });
  };
  return (
    <View className="staff-bar">
      <View className="row">
        {/* An account named after its role ("管理员") is not introduced twice. */}
        <Text className="who">{displayName === roleNames ? displayName : `${displayName} · ${roleNames}`}</Text>
        <Text className="link sign-out" onClick={() => void signOut()}>
          退出
        </Text>
      </View>
      {links.length > 0 && (
        <View className="staff-links">
          {links.map((link) => (
            <View key={link.url} className="staff-link" onClick={() => void Taro.navigateTo({ url: link.url })}>
              {link.label}
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
