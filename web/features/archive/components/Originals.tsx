// The originals a writer uploaded with an account (scans, photos, recordings), each shown or offered to download.
import { Flex, Typography } from 'antd';
import type { Article } from '../api.ts';

export function Originals({ files }: { files: NonNullable<Article['files']> }) {
  if (!files.length) return <Typography.Text type="secondary">无原件</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {files.map((f) =>
        f.mime.startsWith('image/') ? (
          <img key={f.id} src={`/api/files/${f.id}`} alt={f.name} style={{ maxWidth: '100%' }} />
        ) : f.mime.startsWith('audio/') ? (
          // biome-ignore lint/a11y/useMediaCaption: oral-history recordings come without captions; the text is beside them
          <audio key={f.id} controls src={`/api/files/${f.id}`} aria-label={f.name} style={{ width: '100%' }} />
        ) : (
          <a key={f.id} href={`/api/files/${f.id}`}>
            {f.name}
          </a>
        ),
      )}
    </Flex>
  );
}
