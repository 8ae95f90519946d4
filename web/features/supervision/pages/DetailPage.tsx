// One 随手拍: the member's photos, place and text; the unit, deadline and answer with its photos; the reason of a
// decline or dispute; the timeline; and the actions the engine allows this viewer, each with the fields it needs.
import { Card, Descriptions, Flex } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert, PageHeader, WorkflowActions, WorkflowTimeline } from '../../../components/index.ts';
import { ActionDialog } from '../components/ActionDialog.tsx';
import { Media } from '../components/Media.tsx';
import { ReportFlags } from '../components/ReportFlags.tsx';
import { useReport } from '../queries.ts';

const CONFIRM: Record<string, { question: string; detail?: string }> = {
  accept: { question: '受理这条随手拍？', detail: '受理后可交办承办单位。' },
};

export function DetailPage() {
  const id = Number(useParams().id);
  const [action, setAction] = useState<{ action: string; label: string; commentRequired: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const item = useReport(id);
  const r = item.data;
  return (
    <>
      <PageHeader title={`随手拍 ${id}`} back />
      <ErrorAlert error={item.error ?? error} />
      {r && (
        <Flex vertical gap={16}>
          <Card>
            <div style={{ marginBottom: 8 }}>
              <ReportFlags r={r} />
            </div>
            <p style={{ whiteSpace: 'pre-wrap' }}>{r.text}</p>
            <Media files={r.files} label="现场照片或视频" />
            <Descriptions
              column={1}
              size="small"
              style={{ marginTop: 12 }}
              items={[
                { key: 'place', label: '地点', children: r.place },
                { key: 'member', label: '委员', children: r.memberName },
                { key: 'filed', label: '提交时间', children: formatDateTime(r.filedAt) },
                ...(r.unitName ? [{ key: 'unit', label: '承办单位', children: r.unitName }] : []),
                ...(r.dueOn ? [{ key: 'due', label: '答复期限', children: r.dueOn }] : []),
                ...(r.declineReason ? [{ key: 'decline', label: '不予受理理由', children: r.declineReason }] : []),
                ...(r.mergedInto ? [{ key: 'merged', label: '已合并到', children: `随手拍 ${r.mergedInto}` }] : []),
                ...(r.disputeReason ? [{ key: 'dispute', label: '委员异议', children: r.disputeReason }] : []),
              ]}
            />
            <Flex wrap gap={8} style={{ marginTop: 12 }}>
              <WorkflowActions
                actions={r.actions}
                primary={(a) => !['decline', 'dispute', 'merge'].includes(a)}
                danger={(a) => a === 'decline'}
                confirm={CONFIRM}
                onAction={async (a) => {
                  setError(null);
                  if (CONFIRM[a.action]) {
                    try {
                      await api.post(`/api/supervision/reports/${id}/actions`, { action: a.action });
                      await item.refetch();
                    } catch (e) {
                      setError(e);
                    }
                    return;
                  }
                  setAction(r.actions.find((x) => x.action === a.action) ?? null);
                }}
              />
            </Flex>
          </Card>
          {r.answer && (
            <Card title="承办单位答复">
              <p style={{ whiteSpace: 'pre-wrap' }}>{r.answer}</p>
              <Media files={r.answerFiles} label="办理结果照片" />
              {r.answeredAt && (
                <div>
                  首次答复：{formatDateTime(r.answeredAt)}
                  {r.answeredOnTime === false ? '（超期）' : r.answeredOnTime ? '（按期）' : ''}
                </div>
              )}
            </Card>
          )}
          <WorkflowTimeline steps={r.history} />
        </Flex>
      )}
      {r && action && (
        <ActionDialog
          report={r}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            item.refetch();
          }}
        />
      )}
    </>
  );
}
