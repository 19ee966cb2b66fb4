import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { renewIfNeeded } from './api/auth';
import { publishedPlansLoaded } from './lib/plans';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.css';

/**
 * Taro's H5 tab bar draws its tabs as `<a href="javascript:;">`. The server's Content-Security-Policy
 * refuses javascript: URLs (as it should), so each tap would be a refused navigation; the tab's own
 * handler does the switching, and the link's default action is cancelled before it is attempted.
 */
if (process.env.TARO_ENV === 'h5') {
  document.addEventListener(
    'click',
    (event) => {
      if (event.target instanceof Element && event.target.closest('a[href^="javascript:"]')) event.preventDefault();
    },
    true,
  );
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    void renewIfNeeded();
    // The plans as the server publishes them, before the first page reads one.
    void publishedPlansLoaded();
  });
  return children;
}

export default App;
