import { View } from '@tarojs/components';
import { formatChineseDate, shanghaiDate, shanghaiMinuteOfDay, type ApplicationEventView } from '@skillcert/shared';
import './Timeline.css';

/** '2026年3月17日 10:00', Shanghai time, whatever the phone's time zone. */
export function formatInstant(iso: string): string {
  const instant = new Date(iso);
  const minute = shanghaiMinuteOfDay(instant);
  return `${formatChineseDate(shanghaiDate(instant))} ${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** What happened to an application, oldest first, with the note each step carried. */
export function Timeline({ events }: { events: ApplicationEventView[] }) {
  return (
    <View className="timeline" data-testid="timeline">
      {events.map((event, i) => (
        <View key={`${event.at}-${i}`} className="timeline-item">
          <View className="timeline-dot" />
          <View>
            <View className="timeline-label">{event.label}</View>
            <View className="muted">{formatInstant(event.at)}</View>
            {event.note && <View className="timeline-note">{event.note}</View>}
          </View>
        </View>
      ))}
    </View>
  );
}
