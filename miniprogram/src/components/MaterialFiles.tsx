import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UploadedFileView } from '@skillcert/shared';
import { API_BASE } from '../api/client';
import './MaterialFiles.css';

/**
 * A material's files as thumbnails. A tap opens the phone's own viewer —
 * pinch to zoom, swipe to the next — which is what a reviewer checking a
 * certificate's seal needs; a PDF opens in the document viewer.
 */
export function MaterialFiles({ files, testId }: { files: UploadedFileView[]; testId?: string }) {
  const images = files.filter((f) => f.type.startsWith('image/')).map((f) => `${API_BASE}${f.url}`);
  const open = async (file: UploadedFileView) => {
    const url = `${API_BASE}${file.url}`;
    if (file.type.startsWith('image/')) return void Taro.previewImage({ urls: images, current: url });
    if (process.env.TARO_ENV === 'h5') return void window.open(url, '_blank');
    const { tempFilePath } = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' });
  };
  if (!files.length) return <View className="muted">未上传</View>;
  return (
    <View className="material-files" data-testid={testId}>
      {files.map((file) => (
        <View key={file.id} className="material-file" onClick={() => void open(file)}>
          {file.type.startsWith('image/') ? (
            <Image className="material-thumb" src={`${API_BASE}${file.url}`} mode="aspectFill" />
          ) : (
            <View className="material-thumb pdf">PDF</View>
          )}
        </View>
      ))}
    </View>
  );
}
