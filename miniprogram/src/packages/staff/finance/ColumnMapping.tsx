import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import {
  parseWith,
  STATEMENT_FIELD_NAMES,
  statementColumnsSchema,
  type StatementColumnsRequest,
  type StatementField,
  type StatementLayout,
} from '@skillcert/shared';
import { useState } from 'react';
import { ChoiceField } from '../../../components/ChoiceField';

const FIELDS: StatementField[] = ['receivedAt', 'amount', 'payer', 'remark', 'reference'];
const NONE = '';

/**
 * A bank whose statement names its columns its own way: finance says once which
 * column is which, from the header row of the very file they uploaded.
 */
export function ColumnMapping({
  layout,
  busy,
  onSave,
  onCancel,
}: {
  layout: StatementLayout;
  busy: boolean;
  onSave: (columns: StatementColumnsRequest) => void;
  onCancel: () => void;
}) {
  const headers = [...new Set(layout.headers.filter(Boolean))];
  const [picked, setPicked] = useState<Record<StatementField, string>>(() => {
    const start = {} as Record<StatementField, string>;
    for (const field of FIELDS) {
      const index = layout.columns[field];
      start[field] = index === undefined ? NONE : (layout.headers[index] ?? NONE);
    }
    return start;
  });
  const [problem, setProblem] = useState<string>();

  const save = () => {
    const { reference, ...required } = picked;
    const parsed = parseWith(statementColumnsSchema, { ...required, ...(reference ? { reference } : {}) });
    if (!parsed.ok) return setProblem(parsed.issues[0]?.message ?? '请为每一项选择一列');
    setProblem(undefined);
    onSave(parsed.data);
  };

  return (
    <View className="card column-mapping" data-testid="column-mapping">
      <View className="card-title">指定对账单的列</View>
      <View className="muted">这份对账单第{layout.headerRow}行是表头。请为每一项选择对应的列；设置后本机构以后上传的对账单都按此读取。</View>
      {FIELDS.map((field) => (
        <ChoiceField
          key={field}
          testId={`column-${field}`}
          label={STATEMENT_FIELD_NAMES[field]}
          value={picked[field]}
          options={[...(field === 'reference' ? [{ value: NONE, label: '没有这一列' }] : []), ...headers.map((h) => ({ value: h, label: h }))]}
          onChange={(value) => setPicked((current) => ({ ...current, [field]: value }))}
        />
      ))}
      {problem && <View className="field-error">{problem}</View>}
      <View className="mapping-actions">
        <Button fill="outline" onClick={onCancel}>
          取消
        </Button>
        <Button type="primary" loading={busy} className="save-columns" onClick={save}>
          保存并导入
        </Button>
      </View>
    </View>
  );
}
