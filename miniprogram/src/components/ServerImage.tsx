import { Image } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { receiveFile } from '../api/fileTransport';
import { API_BASE, IN_CLOUD_HOSTING } from '../api/transport';

/**
 * Where the phone can show a server file from: its address — or, in WeChat
 * Cloud Hosting, where the server has no public address, a copy fetched through
 * callContainer (file links are signed, so no token is needed either way).
 */
export async function localCopyOf(url: string): Promise<string | undefined> {
  if (!IN_CLOUD_HOSTING) return `${API_BASE}${url}`;
  return (await receiveFile(url)).tempFilePath;
}

/** An image the server holds (an uploaded photo), as a thumbnail. */
export function ServerImage({ url, className }: { url: string; className: string }) {
  const [src, setSrc] = useState(IN_CLOUD_HOSTING ? '' : `${API_BASE}${url}`);
  useEffect(() => {
    if (!IN_CLOUD_HOSTING) return setSrc(`${API_BASE}${url}`);
    let current = true;
    void localCopyOf(url).then((path) => current && path && setSrc(path));
    return () => void (current = false);
  }, [url]);
  return <Image className={className} src={src} mode="aspectFill" />;
}
