import { View } from '@tarojs/components';

interface Props<T extends string | number | undefined> {
  value: T;
  options: { value: T; label: string }[];
  onChange: (value: T) => void;
  testId?: string;
}

/** One row of filter chips that scrolls sideways: a reviewer changes a filter with one thumb. */
export function FilterChips<T extends string | number | undefined>({ value, options, onChange, testId }: Props<T>) {
  return (
    <View className="filter-chips" data-testid={testId}>
      {options.map((option) => (
        <View
          key={String(option.value)}
          className={`filter-chip ${option.value === value ? 'active' : ''}`}
          onClick={() => option.value !== value && onChange(option.value)}
        >
          {option.label}
        </View>
      ))}
    </View>
  );
}
