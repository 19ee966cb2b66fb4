import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { renewIfNeeded } from './api/auth';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void renewIfNeeded();
  });
  return children;
}

export default App;
