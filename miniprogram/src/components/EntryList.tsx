import { Button, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import './EntryList.css';

/** A list the person grows entry by entry (work history, diplomas, a year's days off): its title, its cards, and the button that adds one. */
export function EntrySection({
  title,
  addLabel,
  onAdd,
  children,
  testId,
}: {
  title: string;
  addLabel: string;
  onAdd: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <View className="entry-section" data-testid={testId}>
      <View className="section-title">{title}</View>
      {children}
      <Button fill="dashed" block onClick={onAdd} className="add-entry">
        + {addLabel}
      </Button>
    </View>
  );
}

/** One entry of the list, with the way to take it out again. */
export function EntryCard({ title, onRemove, children }: { title: string; onRemove: () => void; children: React.ReactNode }) {
  return (
    <View className="entry-card">
      <View className="row entry-head">
        <Text>{title}</Text>
        <Text className="remove" onClick={onRemove}>
          删除
        </Text>
      </View>
      <CellGroup>{children}</CellGroup>
    </View>
  );
}
