// 起草协商成果: kind (the committee's list), title, summary and text; saved as a draft once (a client key makes a double
// tap one draft), then signed off and submitted from the outcome's page. What is typed is kept on this device until saved.
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../../../api/client.ts';
import { ErrorAlert, PageHeader, useFormDraft } from '../../../../components/index.ts';
import { outcomeKeys } from '../queries.ts';

interface Values {
  kind: string;
  title: string;
  summary?: string;
  body: string;
}

export function OutcomeFormPage() {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, 'consultation-outcome:new');
  const clientKey = useMemo(() => crypto.randomUUID(), []);
  const { data: settings } = useQuery({
    queryKey: outcomeKeys.settings,
    queryFn: () => api.get<{ kinds: string[] }>('/api/consultation-outcomes/settings'),
  });
  return (
    <>
      <PageHeader title="起草协商成果" back="/consultations/outcomes" />
      <Card>
        {draft.notice}
        <ErrorAlert error={error} />
        <Form<Values>
          form={form}
          layout="vertical"
          onValuesChange={draft.onValuesChange}
          onFinish={async (v) => {
            setBusy(true);
            try {
              const r = await api.post<{ id: number }>('/api/consultation-outcomes', { ...v, clientKey });
              draft.clear();
              navigate(`/consultations/outcomes/${r.id}`);
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item label="成果类型" name="kind" rules={[{ required: true, message: '请选择成果类型' }]}>
            <Select options={(settings?.kinds ?? []).map((k) => ({ value: k, label: k }))} placeholder="选择成果类型" />
          </Form.Item>
          <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item label="摘要（公开时展示）" name="summary">
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item label="正文" name="body" rules={[{ required: true, whitespace: true, message: '请填写正文' }]}>
            <Input.TextArea autoSize={{ minRows: 8 }} maxLength={50000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} size="large">
            保存草稿
          </Button>
        </Form>
      </Card>
    </>
  );
}
