import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { UploadedFileView } from '@skillcert/shared';
import { localCopyOf, ServerImage } from './ServerImage';
import './MaterialFiles.css';

/**
 * A material's files as thumbnails. A tap opens the phone's own viewer —
 * pinch to zoom, swipe to the next — which is what a reviewer checking a
 * certificate's seal needs; a PDF opens in the document viewer.
 */
export function MaterialFiles({ files, testId, large }: { files: UploadedFileView[]; testId?: string; large?: boolean }) {
  const open = async (file: UploadedFileView) => {
    if (file.type.startsWith('image/')) {
      const urls = (await Promise.all(files.filter((f) => f.type.startsWith('image/')).map((f) => localCopyOf(f.url)))).filter((u): u is string => !!u);
      return void Taro.previewImage({ urls, current: await localCopyOf(file.url) });
    }
    const path = await localCopyOf(file.url);
    if (!path) return;
    if (process.env.TARO_ENV === 'h5') return void window.open(path, '_blank');
    const local = path.startsWith('http') ? (await Taro.downloadFile({ url: path })).tempFilePath : path;
    await Taro.openDocument({ filePath: local, fileType: 'pdf' });
  };
  if (!files.length) return <View className="muted">未上传</View>;
  return (
    <View className={`material-files ${large ? 'large' : ''}`} data-testid={testId}>
      {files.map((file) => (
        <View key={file.id} className="material-file" onClick={() => void open(file)}>
          {file.type.startsWith('image/') ? <ServerImage className="material-thumb" url={file.url} /> : <View className="material-thumb pdf">PDF</View>}
        </View>
      ))}
    </View>
  );
}
