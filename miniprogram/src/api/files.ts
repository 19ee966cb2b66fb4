import Taro from '@tarojs/taro';
import { PHOTO_MAX_EDGE, type UploadedFileView } from '@skillcert/shared';
import { API_BASE, authorization, toApiError, type ApiResult } from './client';

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

/** Picks a photo (camera or album), shrinks it, uploads it. Undefined when the person cancelled. */
export async function pickAndUploadPhoto(): Promise<ApiResult<UploadedFileView> | undefined> {
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
  return upload(small);
}

async function upload(filePath: string): Promise<ApiResult<UploadedFileView>> {
  try {
    const response = await Taro.uploadFile({ url: `${API_BASE}/api/files`, filePath, name: 'file', header: authorization() });
    // uploadFile hands the body back as text, unlike request.
    const body: unknown = typeof response.data === 'string' ? JSON.parse(response.data || 'null') : response.data;
    if (response.statusCode === 201) return { ok: true, data: body as UploadedFileView };
    return { ok: false, error: toApiError(response.statusCode, body) };
  } catch {
    return { ok: false, error: { code: 'NETWORK_ERROR', message: '上传失败，请检查网络后重试' } };
  }
}
