// One outcome: what it is, the engine's buttons for this user, the leaders' instructions, each unit's feedback (UnitCard,
// with the unit's own buttons — a phone-friendly feedback form in a dialog), the evaluation, the Word report and the timeline.
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, List, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../../api/client.ts';
import { formatDate } from '../../../../app/format.ts';
import { ErrorAlert, ExportButton, PageHeader, WorkflowTimeline } from '../../../../components/index.ts';
import { SUBMIT_TARGETS, TRANSFORMATION } from '../api.ts';
import { ActionDialog, type PendingAction } from '../components/ActionDialog.tsx';
import { UnitCard } from '../components/UnitCard.tsx';
import { outcomeKeys, useOutcome } from '../queries.ts';

export function OutcomeDetailPage() {
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [publishError, setPublishError] = useState<unknown>(null);
  const { data: o, error } = useOutcome(id);
  const refresh = () => queryClient.invalidateQueries({ queryKey: outcomeKeys.all });
  if (!o) return <ErrorAlert error={error} />;
  const base = `/api/consultation-outcomes/${id}`;
  return (
    <>
      <PageHeader
        title={o.title}
        back="/consultations/outcomes"
        extra={<ExportButton url={`${base}/report.docx`}>下载成果报告</ExportButton>}
      />
      <ErrorAlert error={error ?? publishError} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label="成果类型">{o.kind}</Descriptions.Item>
          <Descriptions.Item label="状态">
            {o.stateLabel}
            {o.round > 1 ? `（回头看第 ${o.round - 1} 轮）` : ''}
          </Descriptions.Item>
          {o.leaderName && <Descriptions.Item label="牵头领导">{o.leaderName}</Descriptions.Item>}
          {o.submittedOn && (
            <Descriptions.Item label="报送">
              {formatDate(o.submittedOn)} 报送
              {o.submittedTo.map((t) => SUBMIT_TARGETS[t as keyof typeof SUBMIT_TARGETS]).join('、')}
            </Descriptions.Item>
          )}
          {o.reviewDueOn && <Descriptions.Item label="回头看日期">{formatDate(o.reviewDueOn)}</Descriptions.Item>}
          {o.transformationKinds.length > 0 && (
            <Descriptions.Item label="成果转化">
              {o.transformationKinds.map((k) => TRANSFORMATION[k as keyof typeof TRANSFORMATION]).join('、')}
              {o.transformationText ? `：${o.transformationText}` : ''}
            </Descriptions.Item>
          )}
        </Descriptions>
        {o.summary && <Typography.Paragraph type="secondary">摘要：{o.summary}</Typography.Paragraph>}
        <Typography.Paragraph
          ellipsis={{ rows: 8, expandable: true, symbol: '展开全文' }}
          style={{ whiteSpace: 'pre-wrap', fontSize: 17 }}
        >
          {o.body}
        </Typography.Paragraph>
        <Flex gap={8} wrap align="center">
          {o.actions.map((a) => (
            <Button
              key={a.action}
              type="primary"
              size="large"
              onClick={() => setPending({ ...a, url: `${base}/actions` })}
            >
              {a.label}
            </Button>
          ))}
          {o.actions.length > 0 && o.submittedOn && (
            <Flex gap={6} align="center">
              <Switch
                aria-label="向社会公开摘要和反馈"
                checked={o.isPublic}
                onChange={async (v) => {
                  try {
                    await api.put(`${base}/public`, { isPublic: v });
                    setPublishError(null);
                    refresh();
                  } catch (err) {
                    setPublishError(err);
                  }
                }}
              />
              <span>向社会公开摘要和反馈</span>
            </Flex>
          )}
        </Flex>
      </Card>
      {o.instructions.length > 0 && (
        <Card title="领导批示" style={{ marginBottom: 16 }}>
          <List
            dataSource={o.instructions}
            renderItem={(i) => (
              <List.Item>
                <div>
                  <strong>{i.leaderName}</strong>（{i.levelLabel}，{formatDate(i.instructedOn)}）：{i.text}
                </div>
              </List.Item>
            )}
          />
        </Card>
      )}
      {o.units.length > 0 && (
        <Card title="办理单位反馈" style={{ marginBottom: 16 }}>
          <Flex vertical gap={12}>
            {o.units.map((u) => (
              <UnitCard key={u.id} u={u} onAction={(a) => setPending({ ...a, url: `${base}/units/${u.id}/actions` })} />
            ))}
          </Flex>
        </Card>
      )}
      <WorkflowTimeline steps={o.timeline} />
      <ActionDialog
        pending={pending}
        onClose={() => setPending(null)}
        onDone={() => {
          setPending(null);
          refresh();
        }}
      />
    </>
  );
}
