import { periodicJob } from '../common/periodic-job';
import { PlansService } from './plans.service';

/** Picks up plans another instance published: the longest an instance serves an old revision is this interval. */
export const PlanRefresh = periodicJob({
  name: 'PlanRefresh',
  service: PlansService,
  everySeconds: (config) => config.catalogRefreshSeconds,
  round: (plans) => plans.refresh(),
});
