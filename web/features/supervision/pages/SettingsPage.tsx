// 随手拍设置 (staff): the committee's 随手拍 numbers for a year — working days a unit has to answer urgent and other
// items, reminders before the deadline, the largest photo or video — read and saved through /api/supervision/settings.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { supervisionKeys } from '../queries.ts';

interface Values {
  urgentDays: number;
  normalDays: number;
  remindDaysBefore: number[];
  uploadMaxMb: number;
}

export function SettingsPage() {
  const thisYear = beijingYear();
  const [year, setYear] = useState(thisYear);
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: supervisionKeys.settingsOf(year),
    queryFn: () => api.get<Values>(`/api/supervision/settings?year=${year}`),
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put(`/api/supervision/settings?year=${year}`, {
        ...v,
        remindDaysBefore: (v.remindDaysBefore ?? []).map(Number).filter((n) => Number.isInteger(n)),
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: supervisionKeys.settings });
      message.success('设置已保存');
    },
  });
  return (
    <>
      <PageHeader
        title="随手拍设置"
        description="承办单位答复随手拍的期限（工作日，跳过节假日）、到期前提醒和上传文件大小。修改后新交办的事项按新期限计算。"
      />
      <Card style={{ maxWidth: 720 }}>
        <Form.Item label="年度">
          <Select
            aria-label="年度"
            value={year}
            onChange={setYear}
            style={{ width: 160 }}
            options={[-1, 0, 1].map((d) => ({ value: thisYear + d, label: `${thisYear + d}年` }))}
          />
        </Form.Item>
        <ErrorAlert error={settings.error ?? save.error} />
        {settings.isLoading ? (
          <Skeleton active />
        ) : (
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
            <Form.Item
              label="紧急事项答复期限"
              name="urgentDays"
              rules={[{ required: true, message: '请填写紧急事项答复期限' }]}
            >
              <InputNumber min={1} max={60} addonAfter="个工作日" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              label="一般事项答复期限"
              name="normalDays"
              rules={[{ required: true, message: '请填写一般事项答复期限' }]}
            >
              <InputNumber min={1} max={120} addonAfter="个工作日" style={{ width: 220 }} />
            </Form.Item>
            <Form.Item
              label="到期前提醒（天）"
              name="remindDaysBefore"
              extra="可填多个，输入后按回车；0 表示到期当天提醒"
            >
              <Select
                mode="tags"
                aria-label="到期前提醒（天）"
                tokenSeparators={['，', ',']}
                style={{ maxWidth: 320 }}
              />
            </Form.Item>
            <Form.Item
              label="单个照片或视频上限"
              name="uploadMaxMb"
              rules={[{ required: true, message: '请填写上限' }]}
            >
              <InputNumber min={1} max={500} addonAfter="MB" style={{ width: 220 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={save.isPending}>
              保存
            </Button>
          </Form>
        )}
      </Card>
    </>
  );
}
