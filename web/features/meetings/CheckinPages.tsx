// Check-in for members: /checkin?token=… is what the venue QR code encodes — the phone's camera opens it and the
// check-in happens at once; /scan is the in-app scanner (the browser camera through BarcodeDetector when available,
// or the phone's own camera app). /meetings/:id/qr and /activities/:id/qr are the venue screens for staff.
import { CheckCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Result, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client.ts';
import { formatDateTime } from '../../app/format.ts';
import { ErrorAlert, PageHeader, usePageTitle } from '../../components/index.ts';
import { QrScreen } from './shared.tsx';

interface CheckinResult {
  target: 'meeting' | 'activity';
  id: number;
  title: string;
  checkedInAt: string;
  already: boolean;
}

function useCheckin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.post<CheckinResult>('/api/meetings/checkin', { token }),
    onSuccess: () => qc.invalidateQueries(),
  });
}

function CheckinDone({ r }: { r: CheckinResult }) {
  return (
    <Result
      icon={<CheckCircleFilled style={{ color: '#237804' }} />}
      status="success"
      title={<span style={{ fontSize: 26 }}>{r.already ? '您已签到' : '签到成功'}</span>}
      subTitle={
        <span style={{ fontSize: 18, color: 'rgba(0,0,0,0.8)' }}>
          {r.title}
          <br />
          签到时间 {formatDateTime(r.checkedInAt)}
        </span>
      }
      extra={
        <Flex vertical gap={12} align="center">
          <Link to="/duty/me">
            <Button type="primary" size="large">
              查看我的履职
            </Button>
          </Link>
          <Link to={r.target === 'meeting' ? `/meetings/${r.id}` : `/activities/${r.id}`}>
            <Button size="large">{r.target === 'meeting' ? '查看会议' : '查看活动'}</Button>
          </Link>
        </Flex>
      }
    />
  );
}

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

export function MeetingQrPage() {
  const { id } = useParams();
  usePageTitle('会场签到二维码');
  return <QrScreen codeUrl={`/api/meetings/${id}/checkin-code`} backTo={`/meetings/${id}`} />;
}
