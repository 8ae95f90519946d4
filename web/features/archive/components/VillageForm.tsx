// The form of a village-history project (村史): village and township, title, compilers, status and dates, the
// description kept locally until saved (a long text). Used to create a project and to update one.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client.ts';
import { ErrorAlert, textRules, useFormDraft } from '../../../components/index.ts';
import { VILLAGE_STATE_OPTIONS, type Village } from '../api.ts';
import { archiveKeys } from '../queries.ts';

interface Values {
  village: string;
  township: string;
  title: string;
  description?: string;
  editors?: string[];
  state: string;
  startedOn?: Dayjs | null;
  publishedOn?: Dayjs | null;
}

const day = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

export function VillageForm({ village, onSaved }: { village?: Village; onSaved?: (id: number) => void }) {
  const [form] = Form.useForm<Values>();
  const draft = useFormDraft(form, `archive-village:${village?.id ?? 'new'}`);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const body = {
        ...v,
        description: v.description ?? '',
        editors: v.editors ?? [],
        startedOn: day(v.startedOn),
        publishedOn: day(v.publishedOn),
      };
      if (village) {
        await api.put(`/api/archive/villages/${village.id}`, body);
        return village.id;
      }
      return (await api.post<{ id: number }>('/api/archive/villages', body)).id;
    },
    onSuccess: (id) => {
      draft.clear();
      if (!village) form.resetFields();
      message.success(village ? '已保存' : '已新建村史项目');
      queryClient.invalidateQueries({ queryKey: archiveKeys.all });
      onSaved?.(id);
    },
  });
  const state = Form.useWatch('state', form);
  return (
    <>
      {draft.notice}
      <ErrorAlert error={save.error} />
      <Form
        form={form}
        layout="vertical"
        onValuesChange={draft.onValuesChange}
        onFinish={(v) => save.mutate(v)}
        initialValues={
          village
            ? {
                ...village,
                startedOn: village.startedOn ? dayjs(village.startedOn) : null,
                publishedOn: village.publishedOn ? dayjs(village.publishedOn) : null,
              }
            : { state: 'planning', editors: [] }
        }
      >
        <Form.Item
          name="township"
          label="乡镇（街道）"
          rules={[{ required: true, message: '请填写乡镇（街道）' }, { max: 50 }]}
        >
          <Input size="large" />
        </Form.Item>
        <Form.Item
          name="village"
          label="村（社区）"
          rules={[{ required: true, message: '请填写村（社区）' }, { max: 50 }]}
        >
          <Input size="large" />
        </Form.Item>
        <Form.Item name="title" label="村史名称" rules={[{ required: true, message: '请填写村史名称' }, { max: 100 }]}>
          <Input size="large" placeholder="如：桃源村史" />
        </Form.Item>
        <Form.Item name="editors" label="编纂人员">
          <Select mode="tags" size="large" open={false} placeholder="输入姓名后回车" />
        </Form.Item>
        <Form.Item name="state" label="项目状态" rules={[{ required: true, message: '请选择项目状态' }]}>
          <Select size="large" options={VILLAGE_STATE_OPTIONS} />
        </Form.Item>
        <Form.Item name="startedOn" label="启动日期">
          <DatePicker size="large" style={{ width: '100%' }} />
        </Form.Item>
        {state === 'published' && (
          <Form.Item name="publishedOn" label="出版日期" rules={[{ required: true, message: '请填写出版日期' }]}>
            <DatePicker size="large" style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="description" label="项目说明" rules={textRules('项目说明', 5000, { optional: true })}>
          <Input.TextArea rows={4} count={{ show: true, max: 5000 }} />
        </Form.Item>
        <Button type="primary" size="large" htmlType="submit" loading={save.isPending}>
          {village ? '保存' : '新建村史项目'}
        </Button>
      </Form>
    </>
  );
}
