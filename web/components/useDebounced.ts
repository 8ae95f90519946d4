// const q = useDebounced(typed, 300): a value that follows its input only once the input has stopped changing for
// `ms` milliseconds, so a search or similarity query runs once per pause in typing, not on every key.
import { useEffect, useState } from 'react';

/** The value after it has stopped changing for `ms` (milliseconds); the first render returns `value` as is. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}
