// Fields of the proposal action dialog that need more than a text: 交办 (lead and assisting units or a split, with
// units suggested from earlier alike proposals) and a reply's stamped letter.
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Radio, Select, Space, Tag, Upload } from 'antd';
import { api } from '../../../api/client.ts';
import { beijingToday } from '../../../app/format.ts';
import { errorMessage, namedChoices } from '../../../components/index.ts';
import { useReference, useRules } from '../api.ts';
import { useUnitSuggestions } from '../queries.ts';

export function AssignFields({ proposalId }: { proposalId: number }) {
  const form = Form.useFormInstance();
  const mode = Form.useWatch('mode', form);
  const rules = useRules();
  const ref = useReference();
  const suggestions = useUnitSuggestions(proposalId, true);
  const units = namedChoices(ref.data?.units);
  return (
    <>
      <Form.Item name="mode" label="交办方式" initialValue="lead" rules={[{ required: true }]}>
        <Radio.Group>
          <Radio.Button value="lead">主办 + 会办</Radio.Button>
          <Radio.Button value="split">分办</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {(suggestions.data?.items ?? []).length > 0 && (
        <Form.Item label="推荐单位（依据以往相近提案的交办）">
          <Space wrap>
            {suggestions.data!.items.map((s) => (
              <Tag.CheckableTag
                key={s.unitId}
                checked={false}
                onChange={() =>
                  mode === 'split'
                    ? form.setFieldValue('unitIds', [...new Set([...(form.getFieldValue('unitIds') ?? []), s.unitId])])
                    : form.setFieldValue('leadUnitId', s.unitId)
                }
                style={{ border: '1px solid #91caff', fontSize: 15, padding: '2px 8px' }}
              >
                {s.name}（{s.score}）
              </Tag.CheckableTag>
            ))}
          </Space>
        </Form.Item>
      )}
      {mode === 'split' ? (
        <Form.Item name="unitIds" label="分办单位（至少两个）" rules={[{ required: true, message: '请选择分办单位' }]}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="leadUnitId" label="主办单位" rules={[{ required: true, message: '请选择主办单位' }]}>
            <Select showSearch optionFilterProp="label" options={units} />
          </Form.Item>
          <Form.Item name="assistingUnitIds" label="会办单位">
            <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
          </Form.Item>
        </>
      )}
      <Form.Item name="dueAt" label="办理期限" extra={`不填则为交办之日起 ${rules.data?.replyMonths ?? 3} 个月`}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(beijingToday(), 'day')} />
      </Form.Item>
    </>
  );
}

export function ReplyLetter({
  letter,
  onChange,
}: {
  letter: { id: number; name: string } | null;
  onChange: (letter: { id: number; name: string } | null) => void;
}) {
  const { message } = App.useApp();
  return (
    <Form.Item label="答复函（盖章扫描件）">
      <Upload
        maxCount={1}
        fileList={letter ? [{ uid: String(letter.id), name: letter.name, status: 'done' as const }] : []}
        onRemove={() => onChange(null)}
        customRequest={async ({ file, onSuccess, onError }) => {
          try {
            const res = await api.upload<{ id: number; name: string }>('/api/files', file as File);
            onChange(res);
            onSuccess?.(res);
          } catch (err) {
            message.error(errorMessage(err));
            onError?.(err as Error);
          }
        }}
      >
        <Button icon={<UploadOutlined />}>上传答复函</Button>
      </Upload>
    </Form.Item>
  );
}
