// One report: its state and text (the staff's edited text beside the original), attachments, where it was forwarded,
// adoptions and leaders' instructions (also those that flowed back from a higher committee), referrals with the
// department's response, and its history. The liaison office screens, edits, forwards, records and refers from here;
// the writer edits, submits or deletes a draft.
import {
  CheckOutlined,
  CloseOutlined,
  DeleteOutlined,
  EditOutlined,
  RollbackOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ConfirmButton, ErrorAlert, PageHeader, WorkflowActions, WorkflowTimeline } from '../../../components/index.ts';
import type { Detail } from '../api.ts';
import { AdoptionsCard } from '../components/AdoptionsCard.tsx';
import { ForwardsCard } from '../components/ForwardsCard.tsx';
import { OpinionDialogs } from '../components/OpinionDialogs.tsx';
import { FileLinks } from '../components/OpinionText.tsx';
import { OpinionTextCards } from '../components/OpinionTextCards.tsx';
import { ReferralsCard } from '../components/ReferralsCard.tsx';
import { Pill } from '../Pill.tsx';
import { opinionKeys, useOpinion } from '../queries.ts';
import { StateTag } from './MyOpinionsPage.tsx';

export type Dialog = 'screen' | 'edit' | 'forward' | 'adopt' | 'instruct' | 'refer' | null;
export type ScreenAction = Detail['actions'][number];

const SCREEN_ICONS = { accept: <CheckOutlined />, return: <RollbackOutlined />, decline: <CloseOutlined /> };
const SUBMIT_QUESTION = { question: '确定提交这条信息吗？', detail: '提交后由社情民意工作人员筛选，不能再修改。' };

export function OpinionDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { data: d, error, isLoading } = useOpinion(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [screenAction, setScreenAction] = useState<ScreenAction | null>(null);
  const [rejecting, setRejecting] = useState<number | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: opinionKeys.all });
  const done = (text: string) => {
    message.success(text);
    return refresh();
  };

  if (isLoading) return <Skeleton active />;
  if (error || !d) return <ErrorAlert error={error} />;

  const screenButtons = d.actions.filter((a) => ['accept', 'decline', 'return'].includes(a.action));
  const ownerButtons = d.actions.filter((a) => ['submit', 'resubmit'].includes(a.action));

  return (
    <>
      <PageHeader
        title={d.editedTitle ?? d.title}
        back
        extra={
          <Space wrap>
            <WorkflowActions
              actions={screenButtons}
              primary={(action) => action === 'accept'}
              danger={(action) => action === 'decline'}
              icons={SCREEN_ICONS}
              onAction={(a) => {
                setScreenAction(a);
                setDialog('screen');
              }}
            />
            {d.can.edit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/opinions/${d.id}/edit`)}>
                修改
              </Button>
            )}
            <WorkflowActions
              actions={ownerButtons}
              icons={{ submit: <SendOutlined />, resubmit: <SendOutlined /> }}
              confirm={{
                submit: SUBMIT_QUESTION,
                resubmit: SUBMIT_QUESTION,
              }}
              onAction={async () => {
                await api.post(`/api/opinions/${d.id}/submit`);
                await done('已提交');
              }}
            />
            {d.state === 'draft' && (
              <ConfirmButton
                danger
                icon={<DeleteOutlined />}
                confirm="确定删除这份草稿吗？"
                detail="删除后无法恢复。"
                onConfirm={async () => {
                  await api.del(`/api/opinions/${d.id}`);
                  await refresh();
                  message.success('草稿已删除');
                  navigate('/opinions/mine');
                }}
              >
                删除草稿
              </ConfirmButton>
            )}
          </Space>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <StateTag state={d.state} label={d.stateLabel} />
        {d.fromLower && <Pill tone="purple">来自下级政协：{d.originCommitteeName}</Pill>}
        {d.source === 'proposal' && <Pill tone="blue">由提案转来</Pill>}
        {d.issue && <Pill tone="green">编入{d.issue.title}</Pill>}
      </Flex>
      {d.screenComment && ['returned', 'declined'].includes(d.state) && (
        <Alert
          type={d.state === 'declined' ? 'error' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={d.state === 'declined' ? '不予编报的理由' : '退回修改的意见'}
          description={d.screenComment}
        />
      )}

      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'cat', label: '类别', children: d.category },
            ...(d.access === 'unit'
              ? []
              : [
                  {
                    key: 'who',
                    label: '报送人',
                    children: `${d.submitterName}（${d.fromLower ? '下级政协' : d.submitterKindLabel}）`,
                  },
                ]),
            ...(d.originSubmitterName ? [{ key: 'ow', label: '原报送人', children: d.originSubmitterName }] : []),
            { key: 'at', label: '报送时间', children: d.submittedAt ? formatDateTime(d.submittedAt) : '未提交' },
            { key: 'n', label: '字数', children: `${d.charCount} 字` },
          ]}
        />
      </Card>

      <OpinionTextCards d={d} onEdit={() => setDialog('edit')} />
      {d.files.length > 0 && (
        <Card title="附件" style={{ marginBottom: 16 }}>
          <FileLinks files={d.files} />
        </Card>
      )}

      {d.access !== 'unit' && <AdoptionsCard d={d} onRecord={setDialog} done={done} />}

      {(d.forwards.length > 0 || d.can.forward) && <ForwardsCard d={d} onForward={() => setDialog('forward')} />}

      {(d.referrals.length > 0 || d.can.refer) && (
        <ReferralsCard d={d} onRefer={() => setDialog('refer')} onReject={setRejecting} done={done} />
      )}

      {d.timeline.length > 0 && <WorkflowTimeline steps={d.timeline} style={{ marginBottom: 16 }} />}

      <OpinionDialogs
        d={d}
        dialog={dialog}
        setDialog={setDialog}
        screenAction={screenAction}
        rejecting={rejecting}
        setRejecting={setRejecting}
        done={done}
      />
    </>
  );
}
