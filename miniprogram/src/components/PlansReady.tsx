import { Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useEffect, useState, type ReactNode } from 'react';
import { publishedPlansKnown, publishedPlansLoaded } from '../lib/plans';
import './PageState.css';

/** A page that reads a plan's rules shows them once the server's plans are known (at once after the first page asked). */
export function PlansReady({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(publishedPlansKnown());
  useEffect(() => {
    if (!ready) void publishedPlansLoaded().finally(() => setReady(true));
  }, [ready]);
  if (!ready)
    return (
      <View className="page-state">
        <Loading type="circular">加载中…</Loading>
      </View>
    );
  return <>{children}</>;
}
