// 委员会客室 on a studio's public page: who is on duty today, a question with a phone's one-time code (it goes to the
// member on duty), and the answers the members allowed to show. Nothing about the citizen is shown.
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Result, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PhoneCodeFields } from '../../../components/PhoneCodeFields.tsx';
import { textRules } from '../../../components/textRules.ts';
import type { Reception } from '../api.ts';

export function PublicReception({ token, reception }: { token: string; reception: Reception }) {
  const [form] = Form.useForm();
  const [done, setDone] = useState(false);
  const ask = useMutation({
    mutationFn: (v: object) => api.post(`/api/public/reception/${token}/questions`, v),
    onSuccess: () => setDone(true),
  });
  return (
    <>
      <Card title="委员会客室" style={{ marginTop: 16 }}>
        <Typography.Paragraph>
          {reception.onDutyToday
            ? `今日值班委员：${reception.onDutyToday}`
            : '今日暂无值班委员，您的问题将转给下一位值班委员。'}
        </Typography.Paragraph>
        {done ? (
          <Result status="success" title="问题已提交" subTitle="值班委员答复后，经委员同意会显示在本页。" />
        ) : (
          <Form form={form} name="reception" layout="vertical" onFinish={(v) => ask.mutate(v)}>
            <Form.Item
              name="question"
              label="我要提问"
              rules={textRules('问题', 1000, { quote: 'none', unit: '个字' })}
            >
              <Input.TextArea rows={3} count={{ show: true, max: 1000 }} />
            </Form.Item>
            <PhoneCodeFields form={form} codeUrl={`/api/public/studios/${token}/code`} />
            <ErrorAlert error={ask.error} />
            <Button type="primary" htmlType="submit" block disabled={ask.isPending}>
              提交问题
            </Button>
          </Form>
        )}
      </Card>
      <Card title="委员答复" style={{ marginTop: 16 }}>
        <List
          dataSource={reception.answers}
          locale={{ emptyText: <Typography.Text>暂无公开的答复</Typography.Text> }}
          renderItem={(a) => (
            <List.Item>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>问：{a.question}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  答：{a.answer}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {a.memberName} · {a.answeredOn}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
