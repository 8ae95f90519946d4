// 导入委员名册: download the template, choose the filled-in .xlsx, watch the progress bar while the server checks and
// imports in the background, read every bad row with its row and column, and choose "只导入无误的行" or fix the file.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Modal,
  Progress,
  Result,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, download } from '../../api/client.ts';
import { ErrorAlert, errorMessage } from '../../components/index.ts';
import type { ImportState } from './api.ts';
import { orgKeys } from './queries.ts';

const RUNNING = new Set(['validating', 'importing']);

export function ImportWizard({ open, onClose, width }: { open: boolean; onClose: () => void; width: number }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [importId, setImportId] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);

  const { data: job } = useQuery({
    queryKey: orgKeys.memberImport(importId),
    queryFn: () => api.get<ImportState>(`/api/org/members/imports/${importId}`),
    enabled: importId !== null,
    refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.status) ? false : 500),
  });
  const finished = job?.status === 'done';
  useEffect(() => {
    if (finished) void client.invalidateQueries({ queryKey: orgKeys.memberLists });
  }, [finished, client]);

  const reset = () => {
    setFile(null);
    setImportId(null);
    setUploadError(null);
    setValidOnly(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const start = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const res = await api.upload<{ id: number }>(
        `/api/org/members/imports${validOnly ? '?validOnly=true' : ''}`,
        file,
      );
      setImportId(res.id);
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  };

  const applyValid = async () => {
    try {
      await api.post(`/api/org/members/imports/${importId}/apply-valid`);
      await client.invalidateQueries({ queryKey: orgKeys.memberImport(importId) });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  const step = !job ? 0 : RUNNING.has(job.status) ? 1 : 2;
  const percent = job?.total && job ? Math.round((job.processed / job.total) * 100) : 0;
  const goodRows = job ? job.total - new Set(job.errors.map((e) => e.row)).size : 0;

  return (
    <Modal
      open={open}
      onCancel={close}
      title="导入委员名册"
      width={width}
      footer={null}
      destroyOnHidden
      maskClosable={false}
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 24 }}
        items={[{ title: '选择文件' }, { title: '校验与导入' }, { title: '结果' }]}
      />
      {step === 0 && (
        <Flex vertical gap={16}>
          <Typography.Paragraph style={{ margin: 0 }}>
            第一步：下载导入模板，按表头填写（红色表头为必填）。同一届内按身份证号识别同一委员，重复导入不会产生重复数据。
          </Typography.Paragraph>
          <div>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => download('/api/org/members/import-template').catch((e) => message.error(errorMessage(e)))}
            >
              下载导入模板
            </Button>
          </div>
          <Typography.Paragraph style={{ margin: 0 }}>第二步：选择填好的 Excel 文件（.xlsx）。</Typography.Paragraph>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'roster', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
          <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)}>
            只导入无误的行（有错误的行跳过，不勾选则有任何错误时都不导入）
          </Checkbox>
          <ErrorAlert error={uploadError} />
          <Flex justify="end" gap={8}>
            <Button onClick={close}>取消</Button>
            <Button type="primary" disabled={!file} loading={uploading} onClick={start}>
              开始导入
            </Button>
          </Flex>
        </Flex>
      )}
      {step === 1 && job && (
        <Flex vertical gap={12} align="stretch">
          <Typography.Text>
            {job.status === 'validating' ? '正在逐行校验' : '正在导入'}「{job.fileName}」，共 {job.total} 行……
          </Typography.Text>
          <Progress percent={percent} status="active" aria-label="导入进度" />
        </Flex>
      )}
      {step === 2 && job && (
        <Flex vertical gap={16}>
          {job.status === 'done' && (
            <Result
              status="success"
              title="导入完成"
              style={{ padding: 8 }}
              subTitle={job.skipped ? `有 ${job.skipped} 行因错误被跳过，见下表。` : '所有行均已处理。'}
            />
          )}
          {job.status === 'invalid' && (
            <Alert
              type="error"
              showIcon
              title={`发现 ${job.errors.length} 处错误，未导入任何数据`}
              description="请按下表修改文件后重新上传；或者只导入没有错误的行。"
            />
          )}
          {job.status === 'failed' && <Alert type="error" showIcon title={job.message ?? '导入失败'} />}
          {job.status === 'done' && (
            <Flex wrap gap={24}>
              <Statistic title="新增" value={job.created} />
              <Statistic title="更新" value={job.updated} />
              <Statistic title="无变化" value={job.unchanged} />
              <Statistic title="跳过" value={job.skipped} />
            </Flex>
          )}
          {job.errors.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={job.errors}
              pagination={job.errors.length > 10 ? { pageSize: 10, showTotal: (n) => `共 ${n} 处` } : false}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 100 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
          <Flex justify="end" gap={8} wrap>
            {job.status === 'invalid' && (
              <>
                <Button onClick={reset}>修改后重新上传</Button>
                <Button type="primary" disabled={goodRows <= 0} onClick={applyValid}>
                  只导入无误的行（{Math.max(goodRows, 0)} 行）
                </Button>
              </>
            )}
            {job.status !== 'invalid' && (
              <>
                <Button onClick={reset}>继续导入其他文件</Button>
                <Button type="primary" onClick={close}>
                  完成
                </Button>
              </>
            )}
          </Flex>
        </Flex>
      )}
    </Modal>
  );
}
