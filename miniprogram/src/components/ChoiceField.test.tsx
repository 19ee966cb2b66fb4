import { fireEvent, render, screen } from '@testing-library/react';
import { ChoiceField } from './ChoiceField';

describe('ChoiceField', () => {
  it('shows every choice and reports the tapped one with its own type', () => {
    const picked: number[] = [];
    render(
      <ChoiceField
        label="申报等级"
        value={4}
        options={[
          { value: 5, label: '五级' },
          { value: 4, label: '四级' },
          { value: 3, label: '三级' },
        ]}
        onChange={(v) => picked.push(v)}
      />,
    );
    expect(screen.getByText('申报等级')).toBeTruthy();
    fireEvent.click(screen.getByText('三级'));
    expect(picked).toEqual([3]);
  });
});
