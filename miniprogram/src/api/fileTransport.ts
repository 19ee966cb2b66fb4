import Taro from '@tarojs/taro';
import { API_BASE, callContainer, IN_CLOUD_HOSTING, type Answer } from './transport';

// Files to and from the server, over whichever transport the app was built for (see transport.ts).
// Apart from it so that the pages that only read and write JSON do not carry it in the main package.

/**
 * One file from the phone: multipart through wx.uploadFile — or, in Cloud
 * Hosting, whose callContainer sends no multipart, its bytes as the body with
 * the name in X-Upload-Name (the server takes both on every upload route).
 */
export async function sendFile(path: string, filePath: string, header: Record<string, string>): Promise<Answer> {
  if (IN_CLOUD_HOSTING) {
    const bytes = await new Promise<ArrayBuffer>((resolve, reject) =>
      Taro.getFileSystemManager().readFile({ filePath, success: (r) => resolve(r.data as ArrayBuffer), fail: reject }),
    );
    const name = filePath.split('/').pop() ?? 'upload';
    return callContainer({
      path,
      method: 'POST',
      data: bytes,
      header: { ...header, 'Content-Type': 'application/octet-stream', 'X-Upload-Name': encodeURIComponent(name) },
    });
  }
  const answer = await Taro.uploadFile({ url: `${API_BASE}${path}`, filePath, name: 'file', header });
  // uploadFile hands the body back as text, unlike request.
  const data: unknown = typeof answer.data === 'string' ? JSON.parse(answer.data || 'null') : answer.data;
  return { statusCode: answer.statusCode, data, header: {} };
}

/** A file from the server, saved on the phone (WeChat only): its temporary path, when the answer was 200. */
export async function receiveFile(path: string, header: Record<string, string> = {}): Promise<{ statusCode: number; tempFilePath?: string }> {
  if (!IN_CLOUD_HOSTING) {
    const downloaded = await Taro.downloadFile({ url: `${API_BASE}${path}`, header });
    return { statusCode: downloaded.statusCode, ...(downloaded.statusCode === 200 ? { tempFilePath: downloaded.tempFilePath } : {}) };
  }
  const answer = await callContainer({ path, method: 'GET', header, binary: true });
  if (answer.statusCode !== 200) return { statusCode: answer.statusCode };
  const tempFilePath = `${Taro.env.USER_DATA_PATH}/${Date.now().toString(36)}-${(path.split('?')[0] ?? '').split('/').filter(Boolean).join('-')}`;
  await new Promise((resolve, reject) =>
    Taro.getFileSystemManager().writeFile({ filePath: tempFilePath, data: answer.data as ArrayBuffer, success: resolve, fail: reject }),
  );
  return { statusCode: 200, tempFilePath };
}
