import { listPlans, setPublishedPlans } from '@skillcert/shared';
import { plansApi } from '../api/plans';

let loading: Promise<void> | undefined;
let loaded = false;

/**
 * The plans as the server publishes them, read once a launch: the shared rules then count with the
 * server's revision (its fees, windows and texts), and know plans the app was not built with (next
 * year's). Offline, the plans built into the app stand, and the next page asks again.
 */
export function publishedPlansLoaded(): Promise<void> {
  loading ??= (async () => {
    const list = await plansApi.list();
    if (!list.ok) {
      loading = undefined;
      return;
    }
    const details = await Promise.all(list.data.map((summary) => plansApi.detail(summary.id)));
    const fetched = details.flatMap((detail) => (detail.ok ? [detail.data.plan] : []));
    const ids = new Set(fetched.map((plan) => plan.id));
    setPublishedPlans([...fetched, ...listPlans().filter((plan) => !ids.has(plan.id))]);
    loaded = fetched.length === list.data.length;
    if (!loaded) loading = undefined;
  })();
  return loading;
}

export function publishedPlansKnown(): boolean {
  return loaded;
}
