import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { addPhotoLabel, FILES_PER_MATERIAL, materialRequired, materialsFor, shotsMissing, type Level, type UploadedFileView } from '@skillcert/shared';
import { useState } from 'react';
import { ServerImage } from '../../../components/ServerImage';
import { pickAndUploadPhoto } from '../../../api/files';
import '../../../components/MaterialFiles.css';
import { TextField } from '../../../components/TextField';

export interface MaterialsDraftState {
  files: Record<string, UploadedFileView[]>;
  signatures: Record<string, string>;
}

interface Props {
  planId: string;
  level: Level;
  /** The clauses the facts meet: a material some clauses need is asked for only when relied on. */
  satisfied: readonly string[];
  draft: MaterialsDraftState;
  onChange: (draft: MaterialsDraftState) => void;
  /** path → message, from the shared materialsIssues rule. */
  errors: Record<string, string>;
}

/** The plan's materials for the level: photos to upload (shrunk on the phone), commitments to read and sign. */
export function MaterialsForm({ planId, level, satisfied, draft, onChange, errors }: Props) {
  const { uploads, commitments } = materialsFor(planId, level);
  const [busy, setBusy] = useState<string>();

  const add = async (materialId: string) => {
    setBusy(materialId);
    const result = await pickAndUploadPhoto();
    setBusy(undefined);
    if (!result) return;
    if (!result.ok) {
      void Taro.showToast({ title: result.error.message, icon: 'none', duration: 3000 });
      return;
    }
    onChange({ ...draft, files: { ...draft.files, [materialId]: [...(draft.files[materialId] ?? []), result.data] } });
  };
  const remove = (materialId: string, id: string) =>
    onChange({ ...draft, files: { ...draft.files, [materialId]: (draft.files[materialId] ?? []).filter((f) => f.id !== id) } });

  return (
    <View className="materials" data-testid="materials">
      {uploads.map((material) => {
        const files = draft.files[material.id] ?? [];
        const missing = shotsMissing(material, files);
        return (
          <View key={material.id} className="material" data-testid={`material-${material.id}`}>
            <View className="material-name">
              {material.name}
              {materialRequired(material, satisfied) ? null : <Text className="muted">（按需）</Text>}
            </View>
            {material.note && <View className="muted">{material.note}</View>}
            {material.shots && <View className="muted shot-tip">{material.shots.tip}</View>}
            <View className="material-files">
              {files.map((file, i) => (
                <View key={file.id} className="material-file">
                  {file.type.startsWith('image/') ? <ServerImage className="material-thumb" url={file.url} /> : <View className="material-thumb pdf">PDF</View>}
                  {material.shots?.labels[i] && <Text className="shot-label">{material.shots.labels[i]}</Text>}
                  <Text className="material-remove" onClick={() => remove(material.id, file.id)}>
                    删除
                  </Text>
                </View>
              ))}
              {files.length < FILES_PER_MATERIAL && (
                <Button size="small" className="material-add" loading={busy === material.id} onClick={() => void add(material.id)}>
                  {addPhotoLabel(material, files.length)}
                </Button>
              )}
            </View>
            {missing.length > 0 && <View className="shot-missing">还需拍摄{missing.join('、')}，审核时两面都要看</View>}
            {errors[`materials.${material.id}`] && <View className="field-error">{errors[`materials.${material.id}`]}</View>}
          </View>
        );
      })}
      {commitments.map((material) => (
        <View key={material.id} className="commitment" data-testid={`commitment-${material.id}`}>
          <View className="material-name">{material.name}</View>
          <View className="commitment-text">{material.commitment}</View>
          <TextField
            label="签名"
            className="signature-input"
            value={draft.signatures[material.id] ?? ''}
            placeholder="输入与身份证一致的姓名"
            maxLength={30}
            onChange={(value) => onChange({ ...draft, signatures: { ...draft.signatures, [material.id]: value } })}
            error={errors[`commitments.${material.id}`]}
          />
        </View>
      ))}
    </View>
  );
}
