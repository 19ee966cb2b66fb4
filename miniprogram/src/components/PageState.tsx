import { Button, Loading } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Loadable } from '../api/useApi';
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
