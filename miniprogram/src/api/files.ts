import Taro from '@tarojs/taro';
import { PHOTO_MAX_EDGE, type UploadedFileView } from '@skillcert/shared';
import { staffSession, type SessionStore } from '../lib/session';
import type { FileRouteName, ResponseOf, UploadRouteName } from '@skillcert/shared/contract';
import { API_BASE, authorization, candidateTarget, toApiError, typedAnswer, type ApiResult, type RouteTarget } from './client';
import { receiveFile, sendFile } from './fileTransport';

/**
 * A photo made small before it leaves the phone: the longest edge at most
 * PHOTO_MAX_EDGE, JPEG. On WeChat the system compresses; in a browser a canvas does.
 */
async function downscale(path: string, width: number, height: number): Promise<string> {
  const scale = Math.min(1, PHOTO_MAX_EDGE / Math.max(width, height, 1));
  if (process.env.TARO_ENV !== 'h5') {
    const compressed = await Taro.compressImage({ src: path, quality: 80, compressedWidth: Math.round(width * scale) });
    return compressed.tempFilePath;
  }
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const element = new Image();
    element.onload = () => resolve(element);
    element.onerror = reject;
    element.src = path;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  return blob ? URL.createObjectURL(blob) : path;
}

/**
 * Picks a photo (camera or album), shrinks it, uploads it. Undefined when the person cancelled.
 * `as`: whose file it becomes — the candidate's own, or a school clerk's for a student.
 */
export async function pickAndUploadPhoto(as?: SessionStore<object>): Promise<ApiResult<UploadedFileView> | undefined> {
  let picked: Taro.chooseImage.SuccessCallbackResult;
  try {
    picked = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  } catch {
    return undefined;
  }
  const path = picked.tempFilePaths[0];
  if (!path) return undefined;
  let small = path;
  try {
    const info = await Taro.getImageInfo({ src: path });
    small = await downscale(path, info.width, info.height);
  } catch {
    // A photo the device cannot measure goes as it is; the server still enforces the limits.
  }
  return upload(candidateTarget('uploadFile', {}), small, as);
}

async function upload<K extends UploadRouteName>(target: RouteTarget<K>, filePath: string, as?: SessionStore<object>): Promise<ApiResult<ResponseOf<K>>> {
  try {
    const response = await sendFile(target.path, filePath, authorization(as));
    if (response.statusCode >= 200 && response.statusCode < 300) return typedAnswer(target.name, response.data);
    return { ok: false, error: toApiError(response.statusCode, response.data) };
  } catch {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: '上传失败，请检查网络后重试' } };
  }
}

/** A spreadsheet from the phone's chats (WeChat) or the computer's disk (H5): its temporary path, or undefined if cancelled. */
export async function pickSpreadsheet(extensions: string[]): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'h5') {
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
      return tempFiles[0]?.path;
    } catch {
      return undefined;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.onchange = () => {
      const file = input.files?.[0];
      resolve(file ? URL.createObjectURL(file) : undefined);
    };
    input.click();
  });
}

/** A spreadsheet (a filled roster, a bank statement) goes up as it is, as staff; the server reads it and reports. */
export async function pickAndUploadSpreadsheet<K extends UploadRouteName>(
  target: RouteTarget<K>,
  extensions: string[],
): Promise<ApiResult<ResponseOf<K>> | undefined> {
  const picked = await pickSpreadsheet(extensions);
  if (!picked) return undefined;
  return uploadAsStaff(target, picked);
}

/** A file already picked, sent (again) as staff: a statement goes up a second time once its columns are mapped. */
export function uploadAsStaff<K extends UploadRouteName>(target: RouteTarget<K>, filePath: string): Promise<ApiResult<ResponseOf<K>>> {
  return upload(target, filePath, staffSession);
}

/** A file only staff may fetch (the roster template, a class's tickets): downloaded with their token, then opened or saved. */
export function downloadAsStaff<K extends FileRouteName>(
  target: RouteTarget<K>,
  fileName: string,
  fileType: 'xlsx' | 'pdf' = 'xlsx',
): Promise<ApiResult<true>> {
  return download(target.path, fileName, fileType, staffSession);
}

/** The candidate's own document (the admission ticket's PDF): opened in WeChat's viewer, or saved in a browser. */
export function downloadAsCandidate<K extends FileRouteName>(target: RouteTarget<K>, fileName: string): Promise<ApiResult<true>> {
  return download(target.path, fileName, 'pdf');
}

async function download(path: string, fileName: string, fileType: 'xlsx' | 'pdf', as?: SessionStore<object>): Promise<ApiResult<true>> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      const response = await fetch(`${API_BASE}${path}`, { headers: authorization(as) });
      if (!response.ok) return { ok: false, error: toApiError(response.status, await response.json().catch(() => null)) };
      const link = document.createElement('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = fileName;
      link.click();
      return { ok: true, data: true };
    }
    const downloaded = await receiveFile(path, authorization(as));
    if (!downloaded.tempFilePath) return { ok: false, error: toApiError(downloaded.statusCode, null) };
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType, showMenu: true });
    return { ok: true, data: true };
  } catch {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: '下载失败，请检查网络后重试' } };
  }
}
