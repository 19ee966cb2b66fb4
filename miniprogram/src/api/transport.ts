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

export async function callContainer(options: {
  path: string;
  method: Method;
  header: Record<string, string>;
  data?: unknown;
  binary?: boolean;
}): Promise<Answer> {
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
