// The photos and short videos of a 随手拍 (the member's, or the unit's result): images open full size, videos play.
import { Flex } from 'antd';
import type { StoredFile } from '../api.ts';

export function Media({ files, label }: { files: StoredFile[]; label: string }) {
  if (!files.length) return null;
  return (
    <Flex wrap gap={8} aria-label={label} role="group">
      {files.map((f) =>
        f.mime.startsWith('video/') ? (
          // biome-ignore lint/a11y/useMediaCaption: a member's short clip of a street scene has no speech to caption
          <video key={f.id} src={`/api/files/${f.id}`} controls style={{ maxWidth: '100%', maxHeight: 240 }} />
        ) : (
          <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
            <img
              src={`/api/files/${f.id}`}
              alt={f.name}
              style={{ maxWidth: 160, maxHeight: 160, objectFit: 'cover' }}
            />
          </a>
        ),
      )}
    </Flex>
  );
}
