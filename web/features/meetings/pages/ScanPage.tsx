// /scan: the in-app scanner (the browser camera through BarcodeDetector when available, or the phone's own camera app).
import { Alert, Button, Card, Flex } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/index.ts';

export function ScanPage() {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'idle' | 'scanning' | 'unsupported' | 'denied'>('idle');
  const navigate = useNavigate();
  const supported = typeof window !== 'undefined' && !!window.BarcodeDetector && !!navigator.mediaDevices?.getUserMedia;
  useEffect(() => {
    if (state !== 'scanning') return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    let stopped = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        const detector = new window.BarcodeDetector!({ formats: ['qr_code'] });
        timer = setInterval(async () => {
          if (!video.current) return;
          const codes = await detector.detect(video.current).catch(() => []);
          const raw = codes[0]?.rawValue;
          if (!raw) return;
          try {
            const url = new URL(raw, window.location.origin);
            const token = url.searchParams.get('token');
            if (url.pathname === '/checkin' && token) navigate(`/checkin?token=${encodeURIComponent(token)}`);
          } catch {
            /* not our code: keep scanning */
          }
        }, 400);
      } catch {
        setState('denied');
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [state, navigate]);
  return (
    <>
      <PageHeader title="扫码签到" description="对准会场屏幕上的二维码即可签到。" />
      <Card style={{ maxWidth: 560 }}>
        {supported && state !== 'denied' ? (
          <Flex vertical gap={12}>
            <video
              ref={video}
              playsInline
              muted
              style={{ width: '100%', background: '#000', display: state === 'scanning' ? 'block' : 'none' }}
            />
            {state !== 'scanning' && (
              <Button type="primary" size="large" onClick={() => setState('scanning')}>
                打开摄像头扫码
              </Button>
            )}
          </Flex>
        ) : (
          <Alert
            type="info"
            showIcon
            title={state === 'denied' ? '无法使用摄像头' : '本浏览器不支持页面内扫码'}
            description="请用手机自带的相机或微信“扫一扫”对准会场二维码，打开链接即可签到。"
          />
        )}
      </Card>
    </>
  );
}
