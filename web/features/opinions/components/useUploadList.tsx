// const attachments = useUploadList(): attachments chosen on a form (an opinion's files, an instruction's scan), each
// uploaded at once; `upload` is the 添加附件 element to place in the form, `ids()` the uploaded files' ids to send,
// `setFiles` shows files already saved (e.g. when editing), `clear()` empties the list.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { errorMessage } from '../../../components/index.ts';
import type { FileOut } from '../api.ts';

export function useUploadList() {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const upload = (
    <Upload
      fileList={files}
      accept=".pdf,.doc,.docx,.xls,.xlsx,.jpg,.jpeg,.png"
      customRequest={async (opts) => {
        try {
          opts.onSuccess?.(await api.upload<FileOut>('/api/files', opts.file as File));
        } catch (err) {
          message.error(errorMessage(err));
          opts.onError?.(err as Error);
        }
      }}
      onChange={({ fileList }) => setFiles(fileList.filter((f) => f.status !== 'error'))}
    >
      <Button icon={<PaperClipOutlined />}>添加附件</Button>
    </Upload>
  );
  const ids = () => files.map((f) => (f.response as FileOut | undefined)?.id).filter((x): x is number => !!x);
  return { upload, ids, setFiles, clear: () => setFiles([]) };
}
