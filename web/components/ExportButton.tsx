// <ExportButton url={`/api/proposals/export${qs(filters)}`} />: downloads the Excel (or Word) file the GET route returns,
// keeping the server's file name; spins while waiting and shows the server's message on failure.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { download } from '../api/client.ts';
import { errorMessage } from './ErrorAlert.tsx';

export interface ExportButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  url: string;
}

export function ExportButton({ url, children = '导出 Excel', ...rest }: ExportButtonProps) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      {...rest}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await download(url);
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {children}
    </Button>
  );
}
