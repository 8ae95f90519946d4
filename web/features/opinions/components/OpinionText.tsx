// A report's text as written (line breaks kept, large) and its attachments as download links.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { download } from '../../../api/client.ts';
import { errorMessage } from '../../../components/index.ts';
import type { FileOut } from '../api.ts';

export const OpinionText = ({ children }: { children: string }) => (
  <div style={{ whiteSpace: 'pre-wrap', fontSize: 17, lineHeight: 1.9 }}>{children}</div>
);

export function FileLinks({ files }: { files: FileOut[] }) {
  const { message } = App.useApp();
  if (!files.length) return null;
  return (
    <Flex gap={8} wrap>
      {files.map((f) => (
        <Button
          key={f.id}
          type="link"
          icon={<PaperClipOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => download(`/api/files/${f.id}`).catch((e) => message.error(errorMessage(e)))}
        >
          {f.name}
        </Button>
      ))}
    </Flex>
  );
}
