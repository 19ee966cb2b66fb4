import Taro from '@tarojs/taro';

/**
 * How the app reaches the server, chosen when it is built:
 * - an HTTPS domain registered for the mini program (TARO_APP_API_BASE): wx.request,
 *   wx.uploadFile, wx.downloadFile;
 * - WeChat Cloud Hosting (TARO_APP_CLOUD_ENV and TARO_APP_CLOUD_SERVICE):
 *   wx.cloud.callContainer — no domain to register, and the platform tells the
 *   server who the user is.
 * The H5 build talks to the origin that served it.
 */
// Read only in the WeChat build: the browser has no `process` for a setting the build did not replace.
const CLOUD_ENV = process.env.TARO_ENV === 'weapp' ? (process.env.TARO_APP_CLOUD_ENV ?? '') : '';
const CLOUD_SERVICE = process.env.TARO_ENV === 'weapp' ? (process.env.TARO_APP_CLOUD_SERVICE ?? '') : '';
export const IN_CLOUD_HOSTING = Boolean(CLOUD_ENV && CLOUD_SERVICE);
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : (process.env.TARO_APP_API_BASE ?? '');

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface Answer {
  statusCode: number;
  data: unknown;
  header: Record<string, unknown>;
}

const TIMEOUT_MS = 15_000;
let cloudReady: Promise<unknown> | undefined;

async function callContainer(options: { path: string; method: Method; header: Record<string, string>; data?: unknown; binary?: boolean }): Promise<Answer> {
  cloudReady ??= Promise.resolve(Taro.cloud.init({ env: CLOUD_ENV }));
  await cloudReady;
  const answer = await Taro.cloud.callContainer({
    config: { env: CLOUD_ENV },
    path: options.path,
    method: options.method,
    header: { ...options.header, 'X-WX-SERVICE': CLOUD_SERVICE },
    timeout: TIMEOUT_MS,
    ...(options.data === undefined ? {} : { data: options.data as TaroGeneral.IAnyObject }),
    ...(options.binary ? { responseType: 'arraybuffer' as const } : {}),
  });
  return { statusCode: answer.statusCode, data: answer.data, header: answer.header };
}

/** A JSON request; throws only when nothing came back (no network). */
export async function send(method: Method, path: string, body: unknown, header: Record<string, string>): Promise<Answer> {
  if (IN_CLOUD_HOSTING) return callContainer({ path, method, header, data: body });
  const answer = await Taro.request<unknown>({
    url: `${API_BASE}${path}`,
    method,
    header,
    timeout: TIMEOUT_MS,
    ...(body === undefined ? {} : { data: body as TaroGeneral.IAnyObject }),
  });
  return { statusCode: answer.statusCode, data: answer.data, header: answer.header };
}

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
