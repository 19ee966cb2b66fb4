import type { PropsWithChildren } from 'react';
import '@nutui/nutui-react-taro/dist/styles/themes/default.css';
import './app.css';

function App({ children }: PropsWithChildren) {
  return children;
}

export default App;
