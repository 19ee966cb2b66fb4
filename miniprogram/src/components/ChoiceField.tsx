import { Cell, Radio, RadioGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import './ChoiceField.css';

interface Props<T extends string | number> {
  label: string;
  /** Undefined: nothing picked yet (where a choice must be made, not defaulted). */
  value: T | undefined;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}

/** A small set of choices shown all at once as buttons: one tap, no wheel. */
export function ChoiceField<T extends string | number>({ label, value, options, onChange, testId }: Props<T>) {
  return (
    <View className="choice-field" data-testid={testId}>
      <Cell title={label} />
      <RadioGroup
        className="choice-options"
        direction="horizontal"
        value={value === undefined ? '' : String(value)}
        onChange={(v) => {
          const picked = options.find((o) => String(o.value) === String(v));
          if (picked) onChange(picked.value);
        }}
      >
        {options.map((o) => (
          <Radio key={String(o.value)} shape="button" value={String(o.value)}>
            {o.label}
          </Radio>
        ))}
      </RadioGroup>
    </View>
  );
}
