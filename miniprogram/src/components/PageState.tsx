import { Button, Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { signIn } from '../api/auth';
import type { Loadable } from '../api/useApi';
import { currentPageUrl, isStaffPage, staffSignInAgain } from '../lib/returnTo';
import './PageState.css';

interface Props<T> {
  value: Loadable<T> & { reload: () => void };
  isEmpty?: (data: T) => boolean;
  emptyText?: string;
  children: (data: T) => ReactNode;
}

/**
 * Loading, error with retry, and empty — so no page reinvents them. Words only:
 * NutUI's Empty draws its picture from a CDN, which a counter's network may not reach.
 */
export function PageState<T>({ value, isEmpty, emptyText = '暂无内容', children }: Props<T>) {
  if (value.state === 'loading') {
    return (
      <View className="page-state">
        <Loading type="circular">加载中…</Loading>
      </View>
    );
  }
  if (value.state === 'error' && value.error.code === 'UNAUTHENTICATED') return <SignInAgain reload={value.reload} />;
  if (value.state === 'error') {
    return (
      <View className="page-state">
        <View className="page-state-title">加载失败</View>
        <View className="page-state-text">{value.error.message}</View>
        <Button type="primary" size="small" onClick={value.reload}>
          重试
        </Button>
      </View>
    );
  }
  if (isEmpty?.(value.data)) {
    return (
      <View className="page-state">
        <View className="page-state-title">{emptyText}</View>
      </View>
    );
  }
  return <>{children(value.data)}</>;
}

/**
 * A sign-in that has lapsed (days after, from a notification) is not a dead end:
 * one tap signs in again and the person stays on this page — a candidate through
 * WeChat, here and now; staff through their password page, which brings them back.
 */
function SignInAgain({ reload }: { reload: () => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const again = async () => {
    if (isStaffPage(currentPageUrl())) return staffSignInAgain();
    setBusy(true);
    const session = await signIn();
    setBusy(false);
    if (session.ok) reload();
    else setFailure(session.error.message);
  };
  return (
    <View className="page-state" data-testid="signed-out">
      <View className="page-state-title">登录已失效</View>
      <View className="page-state-text">为保护您的信息，登录一段时间后会失效。重新登录后回到本页。</View>
      {failure && <View className="page-state-text field-error">{failure}</View>}
      <Button type="primary" loading={busy} className="sign-in-again" onClick={() => void again()}>
        重新登录
      </Button>
    </View>
  );
}
