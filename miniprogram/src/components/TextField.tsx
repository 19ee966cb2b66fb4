import { Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './TextField.css';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  type?: 'text' | 'number' | 'idcard' | 'password';
  error?: string;
  className?: string;
}

/**
 * A labelled text row: the label stays when the placeholder is gone, the error sits beside its field.
 * Without a placeholder of its own it asks for what its label names (NutUI's default is the vague 请输入内容).
 */
export function TextField({ label, value, onChange, placeholder, maxLength, type = 'text', error, className }: Props) {
  return (
    <View className={`text-field ${className ?? ''}`}>
      <View className="text-field-row">
        <Text className="text-field-label">{label}</Text>
        <Input className="text-field-input" value={value} onChange={onChange} placeholder={placeholder ?? `请输入${label}`} maxLength={maxLength} type={type} />
      </View>
      {error && <View className="field-error">{error}</View>}
    </View>
  );
}
