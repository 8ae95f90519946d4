// An upload button for a form's attachments: each file goes to /api/files at once and its id is handed back, so the
// form sends only ids (meetings, activities, activity outputs).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { api } from '../api/client.ts';

export function AttachmentUpload({
  onUploaded,
  label = '上传附件',
}: {
  onUploaded: (fileId: number) => void;
  label?: string;
}) {
  const { message } = App.useApp();
  return (
    <Upload
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const f = await api.upload<{ id: number }>('/api/files', file as File);
          onUploaded(f.id);
          onSuccess?.(f);
        } catch (e) {
          message.error((e as Error).message);
          onError?.(e as Error);
        }
      }}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
