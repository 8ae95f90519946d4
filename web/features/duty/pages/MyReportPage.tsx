// 我的述职: the member's self-report, prefilled from the year's record; draft kept on the device.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ConfirmButton, ErrorAlert, PageHeader, useTextDraft } from '../../../components/index.ts';
import { MyCommitmentsCard } from '../../tasks/components/MyCommitmentsCard.tsx';
import { thisYear } from '../api.ts';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys, useMyReport } from '../queries.ts';

export function MyReportPage() {
  const [year, setYear] = useState(thisYear());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { data, error } = useMyReport(year);
  const [body, setBody] = useState<string | null>(null);
  // What was typed and not yet saved comes back after a reload or a new login (issue 12).
  const [unsaved, setUnsaved, clearUnsaved] = useTextDraft(`duty-report:${year}`);
  const text = body ?? (unsaved || data?.body) ?? '';
  const save = useMutation({
    mutationFn: (submit: boolean) => api.put('/api/duty/my-report', { year, body: text, submit }),
    onSuccess: (_, submit) => {
      message.success(submit ? '已提交，等待审阅' : '已保存草稿');
      clearUnsaved();
      setBody(null);
      qc.invalidateQueries({ queryKey: dutyKeys.reports });
    },
  });
  const editable = data && ['new', 'draft', 'returned'].includes(data.status);
  return (
    <>
      <PageHeader
        title="我的述职"
        description="报告已按您本年度的履职记录预先填写，请补充修改后提交。"
        extra={
          <YearSelect
            value={year}
            onChange={(y) => {
              setYear(y);
              setBody(null);
            }}
          />
        }
      />
      <ErrorAlert error={error ?? save.error} />
      {data && (
        <Card>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Tag>{data.statusLabel}</Tag>
            {data.reviewComment && <Typography.Text>审阅意见：{data.reviewComment}</Typography.Text>}
          </Flex>
          <label htmlFor="report-body" style={{ display: 'block', marginBottom: 8 }}>
            述职报告
          </label>
          <Input.TextArea
            id="report-body"
            value={text}
            onChange={(e) => {
              setBody(e.target.value);
              setUnsaved(e.target.value);
            }}
            rows={18}
            disabled={!editable}
            count={{ show: true, max: 20000 }}
            style={{ fontSize: 16 }}
          />
          {editable && (
            <Space style={{ marginTop: 16 }} wrap>
              <Button size="large" loading={save.isPending} onClick={() => save.mutate(false)}>
                保存草稿
              </Button>
              <ConfirmButton
                size="large"
                type="primary"
                confirm="确定提交述职报告吗？"
                detail="提交后不能再修改，除非被退回。"
                onConfirm={() => save.mutateAsync(true)}
              >
                提交
              </ConfirmButton>
            </Space>
          )}
        </Card>
      )}
      <MyCommitmentsCard year={year} />
    </>
  );
}
