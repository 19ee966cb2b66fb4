import { Cell, Checkbox } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

interface Props {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}

/** A yes/no fact as a full-width row, so the whole row is the tap target. */
export function CheckField({ label, checked, onChange, testId }: Props) {
  return (
    <View data-testid={testId}>
      <Cell title={<Checkbox label={label} checked={checked} onChange={onChange} />} />
    </View>
  );
}
