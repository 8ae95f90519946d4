// The player of a learning material (video, audio or a document to open), reporting its position as it plays.
import { Button, Flex } from 'antd';
import { useRef } from 'react';
import type { Material, ProgressReport } from '../api.ts';

// The player reports where it is every 15 s of wall clock while playing, and on pause and at the end; the server keeps
// the furthest position it can credit and decides when the material is finished (no "done" button for media).
const PING_MS = 15_000;

export function Player({
  m,
  canRecord,
  onProgress: record,
}: {
  m: Material;
  canRecord: boolean;
  onProgress: (report: ProgressReport) => void;
}) {
  const lastSent = useRef(0);
  const resumed = useRef(false);
  // Staff preview a material without a progress of their own.
  const onProgress = canRecord ? record : () => {};
  const src = `/api/files/${m.fileId}`;
  const report = (el: HTMLMediaElement, force = false) => {
    if (!el.duration || !Number.isFinite(el.duration)) return;
    if (!force && Date.now() - lastSent.current < PING_MS) return;
    lastSent.current = Date.now();
    onProgress({ positionSeconds: Math.min(el.currentTime, el.duration), durationSeconds: el.duration });
  };
  // Reopening resumes where the member got to, unless they had finished (then it starts again).
  const resume = (el: HTMLMediaElement) => {
    if (resumed.current) return;
    resumed.current = true;
    if (m.myPositionSeconds && !m.myFinishedAt && m.myPositionSeconds < el.duration)
      el.currentTime = m.myPositionSeconds;
  };
  const media = {
    controls: true,
    preload: 'metadata',
    src,
    'aria-label': m.title,
    onLoadedMetadata: (e: React.SyntheticEvent<HTMLMediaElement>) => resume(e.currentTarget),
    onTimeUpdate: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget),
    onPause: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget, true),
    onEnded: (e: React.SyntheticEvent<HTMLMediaElement>) => report(e.currentTarget, true),
  } as const;
  if (m.kind === 'video') return <video {...media} style={{ width: '100%', maxHeight: 360, background: '#000' }} />;
  if (m.kind === 'audio') return <audio {...media} style={{ width: '100%' }} />;
  return (
    <Flex gap={8} wrap>
      <Button size="large" href={src} target="_blank">
        打开资料（{m.fileName}）
      </Button>
      {canRecord && !m.myFinishedAt && (
        <Button size="large" type="primary" onClick={() => onProgress({ percent: 100 })}>
          我已学完
        </Button>
      )}
    </Flex>
  );
}
