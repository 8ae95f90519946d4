// /checkin?token=…: what the venue QR code encodes — the phone's camera opens it and the check-in happens at once.
import { Alert, Button, Card, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert, usePageTitle } from '../../../components/index.ts';
import { CheckinDone, useCheckin } from '../components/CheckinDone.tsx';

export function CheckinPage() {
  usePageTitle('扫码签到');
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  const checkin = useCheckin();
  const started = useRef(false);
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      checkin.mutate(token);
    }
  }, [token, checkin]);
  return (
    <Card style={{ maxWidth: 560, margin: '0 auto' }}>
      {!token && <Alert type="warning" title="没有签到码，请扫描会场屏幕上的二维码。" />}
      {checkin.isPending && <Typography.Paragraph style={{ fontSize: 20 }}>正在签到…</Typography.Paragraph>}
      {checkin.data && <CheckinDone r={checkin.data} />}
      {checkin.error && (
        <>
          <ErrorAlert error={checkin.error} />
          <Link to="/scan">
            <Button size="large" type="primary">
              重新扫码
            </Button>
          </Link>
        </>
      )}
    </Card>
  );
}

declare global {
  interface Window {
    BarcodeDetector?: new (opts: {
      formats: string[];
    }) => { detect: (src: CanvasImageSource) => Promise<{ rawValue: string }[]> };
  }
}
