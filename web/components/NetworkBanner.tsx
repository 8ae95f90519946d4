// <NetworkBanner />: a bar at the top of every screen while the network is gone, and briefly when it is back, so a
// member in a crowded meeting hall knows why a page did not load or a save failed (issue 12). Mounted once in App.
import { useEffect, useState } from 'react';
import { OFFLINE_TEXT, ONLINE_AGAIN_TEXT } from './networkTexts.ts';

export function NetworkBanner() {
  const [online, setOnline] = useState(() => navigator.onLine);
  const [back, setBack] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = () => {
      clearTimeout(timer);
      setOnline(false);
      setBack(false);
    };
    const on = () => {
      setOnline(true);
      setBack(true);
      timer = setTimeout(() => setBack(false), 5000);
    };
    window.addEventListener('offline', off);
    window.addEventListener('online', on);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('offline', off);
      window.removeEventListener('online', on);
    };
  }, []);
  if (online && !back) return null;
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="network-banner"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 1100,
        padding: '8px 12px',
        textAlign: 'center',
        fontSize: 'var(--zx-font-size, 16px)',
        color: '#fff',
        background: online ? '#237804' : '#873800',
      }}
    >
      {online ? ONLINE_AGAIN_TEXT : OFFLINE_TEXT}
    </div>
  );
}
