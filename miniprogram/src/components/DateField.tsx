import { Cell, DatePicker } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { formatChineseDate, fromParts, isIsoDate, parts, type IsoDate } from '@skillcert/shared';
import { useState } from 'react';

interface Props {
  label: string;
  value?: IsoDate;
  onChange: (value: IsoDate) => void;
  /** Where the wheel starts when nothing is chosen yet. */
  suggested?: IsoDate;
  error?: string;
  testId?: string;
}

const EARLIEST = new Date(1950, 0, 1);
const LATEST = new Date(2040, 11, 31);

/** A date as a tappable row; the wheel works in calendar parts, so no time zone can shift the day. */
export function DateField({ label, value, onChange, suggested, error, testId }: Props) {
  const [open, setOpen] = useState(false);
  const start = value ?? suggested;
  const initial = start && isIsoDate(start) ? new Date(parts(start).year, parts(start).month - 1, parts(start).day) : new Date(2008, 0, 1);
  return (
    <View data-testid={testId}>
      <Cell title={label} extra={value ? formatChineseDate(value) : '请选择'} onClick={() => setOpen(true)} />
      {error && <View className="field-error">{error}</View>}
      <DatePicker
        title={label}
        type="date"
        visible={open}
        showChinese
        defaultValue={initial}
        startDate={EARLIEST}
        endDate={LATEST}
        onClose={() => setOpen(false)}
        onConfirm={(_, values) => {
          const [y, m, d] = values.map(Number);
          if (y && m && d) onChange(fromParts(y, m, d));
          setOpen(false);
        }}
      />
    </View>
  );
}
