import { useCallback, useEffect, useState } from 'react';
import type { ApiError, ApiResult } from './client';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; data: T };

/** Loads once on mount and on `reload()`; the page renders the three states through PageState. */
export function useApi<T>(load: () => Promise<ApiResult<T>>, deps: unknown[]): Loadable<T> & { reload: () => void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    void stableLoad().then((result) => {
      if (!live) return;
      setValue(result.ok ? { state: 'ready', data: result.data } : { state: 'error', error: result.error });
    });
    return () => {
      live = false;
    };
  }, [stableLoad, attempt]);
  return { ...value, reload: () => setAttempt((n) => n + 1) };
}
