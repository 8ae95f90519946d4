// 导入热线工单: download the template, choose the hotline system's export (.xlsx or .csv), read the preview (bad rows by
// row and column, how many cases are new, changed or unchanged), then import the good rows.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Modal, Result, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, download } from '../../../api/client.ts';
import { ErrorAlert, errorMessage, textColumns } from '../../../components/index.ts';
import type { HotlinePreview } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

export function HotlineImport({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<HotlinePreview | null>(null);
  const [done, setDone] = useState<{ added: number; updated: number; unchanged: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const close = () => {
    setFile(null);
    setPreview(null);
    setDone(null);
    setError(null);
    onClose();
  };
  const check = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setPreview(await api.upload<HotlinePreview>('/api/grassroots/hotline/imports', file));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const apply = async () => {
    if (!preview) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await api.post(`/api/grassroots/hotline/imports/${preview.id}/apply`));
      await qc.invalidateQueries({ queryKey: grassrootsKeys.hotline });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} onCancel={close} title="导入热线工单" footer={null} destroyOnHidden maskClosable={false}>
      {!preview && (
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>
            上传 12345 热线系统导出的工单（Excel 或 CSV），表头需包含工单编号、受理日期、区域/街道、诉求内容。
            按工单编号识别同一工单，重复导入不会产生重复数据。
          </Typography.Paragraph>
          <div>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download('/api/grassroots/hotline/template').catch((e) => message.error(errorMessage(e)))}
            >
              下载导入模板
            </Button>
          </div>
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'hotline', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          <ErrorAlert error={error} />
          <Flex justify="end" gap={8}>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!file} loading={busy} onClick={check}>
              检查文件
            </Button>
          </Flex>
        </Flex>
      )}
      {preview && !done && (
        <Flex vertical gap={16}>
          <Typography.Text>
            「{preview.fileName}」共 {preview.total} 行，无误 {preview.valid} 行。
          </Typography.Text>
          <Flex gap={24} wrap>
            <Statistic title="新增工单" value={preview.added} />
            <Statistic title="状态等有变化" value={preview.updated} />
            <Statistic title="已导入且无变化" value={preview.unchanged} />
          </Flex>
          {preview.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}`}
              dataSource={preview.errors}
              pagination={preview.errors.length > 10 ? { pageSize: 10 } : false}
              scroll={{ x: 'max-content' }}
              columns={[...textColumns({ row: '行', column: '列', message: '问题' })]}
            />
          )}
          <ErrorAlert error={error} />
          <Flex justify="end" gap={8} wrap>
            <Button onClick={() => setPreview(null)}>重新选择文件</Button>
            <Button type="primary" disabled={!preview.valid} loading={busy} onClick={apply}>
              导入无误的行（{preview.valid} 行）
            </Button>
          </Flex>
        </Flex>
      )}
      {done && (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${done.added} 件，更新 ${done.updated} 件，无变化 ${done.unchanged} 件`}
          extra={
            <Button type="primary" onClick={close}>
              完成
            </Button>
          }
        />
      )}
    </Modal>
  );
}
