// 新建书目 (office staff): the button and its dialog (POST /api/reading/lists), a month's or a quarter's list
// of books; what is typed is kept on the device until the server has it.
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import type { BookListInput } from '../../../../server/modules/reading/schemas.ts';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { choices, FormDialog, namedChoices, useFormDialog, useFormDraft } from '../../../components/index.ts';
import { useReference } from '../../meetings/shared.tsx';
import { bookDraftView, booksToDraft } from '../bookDraft.ts';
import { lengthRules } from './lengthRules.ts';
import { useSaved } from './useSaved.ts';

type Kind = 'month' | 'quarter';

/** The months or quarters of this year and the next, as the API spells them (2026-03, 2026-Q2). */
function periodOptions(kind: Kind) {
  const year = beijingYear();
  return [year, year + 1].flatMap((y) =>
    kind === 'month'
      ? Array.from({ length: 12 }, (_, i) => ({
          value: `${y}-${String(i + 1).padStart(2, '0')}`,
          label: `${y}年${i + 1}月`,
        }))
      : [1, 2, 3, 4].map((q) => ({ value: `${y}-Q${q}`, label: `${y}年第${q}季度` })),
  );
}

interface ListValues extends BookListInput {
  kind: Kind;
}

export function NewListButton() {
  const dialog = useFormDialog<ListValues>();
  const { form } = dialog;
  const ref = useReference();
  // The book rows are kept too, through a view of the form that turns them into lists of text (bookDraft.ts).
  const draftView = useMemo(() => bookDraftView(form), [form]);
  const draft = useFormDraft(draftView, dialog.open ? 'reading-list:new' : null);
  const saved = useSaved(form, draft.clear, dialog.close);
  const kind: Kind = Form.useWatch('kind', form) ?? 'month';
  const create = useMutation({
    mutationFn: (v: ListValues) =>
      api.post<{ id: number }>('/api/reading/lists', {
        period: v.period,
        title: v.title.trim(),
        specialCommitteeId: v.specialCommitteeId ?? null,
        books: v.books.map((b) => ({
          title: b.title.trim(),
          author: b.author?.trim() ?? '',
          note: b.note?.trim() ?? '',
        })),
      }),
    onSuccess: () => saved('已新建书目'),
  });
  return (
    <>
      <Button size="large" icon={<PlusOutlined />} onClick={dialog.show}>
        新建书目
      </Button>
      <FormDialog
        title="新建书目"
        dialog={dialog}
        mutation={create}
        notice={draft.notice}
        initialValues={{ kind: 'month', books: [{}] }}
        onValuesChange={(changed, all) => {
          // A month chosen before switching to quarters (or back) is no longer one of the choices.
          if ('kind' in changed) form.setFieldValue('period', undefined);
          draft.onValuesChange(changed, booksToDraft(all));
        }}
      >
        <Form.Item name="kind" label="书目周期">
          <Radio.Group size="large" options={choices({ month: '按月', quarter: '按季度' })} />
        </Form.Item>
        <Form.Item name="period" label="期次" rules={[{ required: true, message: '请选择期次' }]}>
          <Select size="large" options={periodOptions(kind)} />
        </Form.Item>
        <Form.Item name="title" label="书目名称" rules={lengthRules('书目名称', 100)}>
          <Input size="large" count={{ show: true, max: 100 }} />
        </Form.Item>
        <Form.Item name="specialCommitteeId" label="推荐专委会">
          <Select
            size="large"
            allowClear
            placeholder="不填则为委员会推荐"
            options={namedChoices(ref.data?.specialCommittees)}
          />
        </Form.Item>
        <Form.List
          name="books"
          rules={[
            {
              validator: async (_, books) => {
                if (!books?.length) throw new Error('请至少添加一本书');
                if (books.length > 50) throw new Error('一期书目最多 50 本');
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  title={`第 ${i + 1} 本`}
                  style={{ marginBottom: 12 }}
                  extra={
                    <Button type="link" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                      删除
                    </Button>
                  }
                >
                  <Form.Item name={[field.name, 'title']} label="书名" rules={lengthRules('书名', 100)}>
                    <Input count={{ show: true, max: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'author']}
                    label="作者"
                    rules={lengthRules('作者', 100, { optional: true })}
                  >
                    <Input count={{ show: true, max: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'note']}
                    label="推荐语"
                    rules={lengthRules('推荐语', 1000, { optional: true })}
                    style={{ marginBottom: 0 }}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} count={{ show: true, max: 1000 }} />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({})}
                disabled={fields.length >= 50}
              >
                添加一本
              </Button>
            </>
          )}
        </Form.List>
      </FormDialog>
    </>
  );
}
