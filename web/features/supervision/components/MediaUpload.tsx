// The upload of 随手拍 photos and short videos (to /api/supervision/uploads): the ids handed back are the files the
// item or the unit's answer is filed with; a file can be taken off the list before sending.
import { CameraOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import type { StoredFile } from '../api.ts';

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
