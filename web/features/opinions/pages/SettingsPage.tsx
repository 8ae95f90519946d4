// 社情民意设置 (administrators): the committee's own rules — text limit, title limit, categories, the days a unit has
// to answer a referral — from a given year on (or for every year).

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Skeleton } from 'antd';
import { useEffect } from 'react';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { DayUnitField, ErrorAlert, errorMessage, PageHeader } from '../../../components/index.ts';
import { useOpinionSettings } from '../api.ts';
import { opinionKeys } from '../queries.ts';

interface Values {
  year: number;
  maxChars: number;
  titleMax: number;
  categories: string[];
  referralDays: number;
  dayUnit: 'days' | 'workingDays';
}

export function SettingsPage() {
  const settings = useOpinionSettings();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const thisYear = beijingYear();
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ ...settings.data, year: 0 });
  }, [settings.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) => api.put('/api/opinions/settings', v),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: opinionKeys.settings });
      message.success('设置已保存');
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  if (settings.isLoading) return <Skeleton active />;
  return (
    <>
      <PageHeader
        title="社情民意设置"
        description="本政协的报送规则。修改后新提交的信息按新规则检查，已提交的不受影响。"
      />
      <ErrorAlert error={settings.error} />
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
          <Form.Item label="适用年度" name="year">
            <Select
              options={[
                { value: 0, label: '所有年度' },
                ...[0, 1].map((d) => ({ value: thisYear + d, label: `${thisYear + d}年起` })),
              ]}
            />
          </Form.Item>
          <Form.Item label="正文字数上限" name="maxChars" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={100} max={10000} addonAfter="字" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="标题字数上限" name="titleMax" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={10} max={200} addonAfter="字" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            label="信息类别"
            name="categories"
            extra="输入新类别后按回车添加"
            rules={[{ required: true, type: 'array', min: 1, message: '至少需要一个类别' }]}
          >
            <Select mode="tags" tokenSeparators={['，', ',']} />
          </Form.Item>
          <Form.Item label="转办办理期限" name="referralDays" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={1} max={365} addonAfter="天" style={{ width: 200 }} />
          </Form.Item>
          <DayUnitField />
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存设置
          </Button>
        </Form>
      </Card>
    </>
  );
}
