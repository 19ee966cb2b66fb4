import { periodicJob } from '../common/periodic-job';
import { CalendarService } from './calendar.service';

/** Picks up the years another instance saved: the longest an instance counts with an old calendar is this interval. */
export const CalendarRefresh = periodicJob({
  name: 'CalendarRefresh',
  service: CalendarService,
  everySeconds: (config) => config.catalogRefreshSeconds,
  round: (calendar) => calendar.refresh(),
});
