// Pieces the 随手拍 pages share: the upload of photos and short videos (to /api/supervision/uploads, ids handed back),
// the flags of an item (urgent, overdue, disputed) and the photos/videos of an item.
import { CameraOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';
import type { Report, StoredFile } from './types.ts';

export function MediaUpload({
  files,
  onChange,
  label = '拍照或选择照片、短视频',
}: {
  files: StoredFile[];
  onChange: (files: StoredFile[]) => void;
  label?: string;
}) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <ErrorAlert error={error} />
      <Upload
        accept="image/jpeg,image/png,video/mp4,video/webm"
        multiple
        showUploadList={false}
        customRequest={async ({ file }) => {
          setError(null);
          try {
            const f = await api.upload<StoredFile>('/api/supervision/uploads', file as File);
            onChange([...files, f]);
          } catch (e) {
            setError(e);
          }
        }}
      >
        <Button icon={<CameraOutlined />} size="large">
          {label}
        </Button>
      </Upload>
      <ul aria-label="已上传的照片或视频">
        {files.map((f) => (
          <li key={f.id}>
            {f.name}{' '}
            <Button type="link" size="small" onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
              移除
            </Button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReportFlags({ r }: { r: Report }) {
  return (
    <>
      <Tag>{r.stateLabel}</Tag>
      {r.urgent && <Tag color={TAG.orange}>紧急</Tag>}
      {r.overdue && <Tag color={TAG.red}>超期</Tag>}
      {r.disputed && <Tag color={TAG.purple}>有异议</Tag>}
    </>
  );
}

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
