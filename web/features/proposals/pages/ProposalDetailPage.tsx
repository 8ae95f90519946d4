// 提案详情: the proposal as written, its proposers and units, each unit's handling with its buttons, replies and
// ratings, key-proposal records, commendation, and the timeline of every step. Buttons come from the server's
// allowed actions, so each user sees exactly what they may do now.
import { FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import {
  ConfirmButton,
  ErrorAlert,
  ExportButton,
  PageHeader,
  WorkflowActions,
  WorkflowTimeline,
} from '../../../components/index.ts';
import { type Detail, stateColor, TAG, useProposal } from '../api.ts';
import { ActionDialog, type PendingAction } from '../components/ActionDialog.tsx';
import { AssignmentsCard } from '../components/AssignmentsCard.tsx';
import { CommendationCard } from '../components/CommendationCard.tsx';
import { KeyProposalCard } from '../components/KeyProposalCard.tsx';
import { ProposalContentCard } from '../components/ProposalContentCard.tsx';
import { PublicCard } from '../components/PublicCard.tsx';
import { RatingsCard } from '../components/RatingsCard.tsx';
import { RepliesCard } from '../components/RepliesCard.tsx';
import { StaffDialogs } from '../components/StaffDialogs.tsx';
import { proposalKeys } from '../queries.ts';

export function ProposalDetailPage() {
  const id = Number(useParams().id);
  const { data: d, error, isLoading, refetch } = useProposal(id);
  const { can, me } = useSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [dialog, setDialog] = useState<'key' | 'keyEvent' | 'commend' | null>(null);
  const isStaff = can('proposal.review');
  const done = () => {
    void refetch();
    void client.invalidateQueries({ queryKey: proposalKeys.lists });
  };

  if (isLoading) return <Spin size="large" />;
  if (!d) return <ErrorAlert error={error} />;

  const open = (target: PendingAction['target'], targetId: number, a: Detail['actions'][number], role?: string) =>
    setPending({ ...a, target, targetId, role });

  return (
    <>
      <PageHeader
        title={d.title}
        back
        description={
          <Space wrap size={8}>
            <Tag color={stateColor(d.state)} style={{ fontSize: 15, padding: '2px 10px' }}>
              {d.stateLabel}
            </Tag>
            {d.numberLabel && <span>{d.numberLabel}</span>}
            <span>{d.kindLabel}</span>
            {d.category && <span>{d.category}</span>}
            {d.isKey && <Tag color={TAG.red}>重点提案</Tag>}
            {d.isSessionProposal && <Tag>大会提案</Tag>}
            {d.round > 1 && <Tag color={TAG.orange}>第 {d.round} 轮办理</Tag>}
          </Space>
        }
        extra={
          <>
            <WorkflowActions actions={d.actions} size="large" onAction={(a) => open('proposal', d.id, a)} />
            {d.can.edit && (
              <Button size="large" onClick={() => navigate(`/proposals/${d.id}/edit`)}>
                修改
              </Button>
            )}
            {d.can.delete && (
              <ConfirmButton
                size="large"
                danger
                confirm="确定删除这份草稿吗？"
                detail="删除后无法恢复。"
                onConfirm={async () => {
                  await api.del(`/api/proposals/${d.id}`);
                  await client.invalidateQueries({ queryKey: proposalKeys.lists });
                  navigate('/proposals/mine');
                }}
              >
                删除草稿
              </ConfirmButton>
            )}
            <ExportButton url={`/api/proposals/${d.id}/word`} icon={<FileWordOutlined />}>
              导出 Word
            </ExportButton>
          </>
        }
      />
      {d.rejectGround && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={`不予立案：${d.rejectGround}`}
          description={d.timeline.filter((e) => e.action === 'reject').at(-1)?.comment}
        />
      )}
      {d.mergedInto && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <span>
              已并入提案 <Link to={`/proposals/${d.mergedInto.id}`}>{d.mergedInto.title}</Link>
              {d.mergedInto.numberLabel ? `（${d.mergedInto.numberLabel}）` : ''} 一并办理，办理结果同样答复您。
            </span>
          }
        />
      )}
      {d.convertedTo && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`已转为${d.convertedTo === 'opinion' ? '社情民意信息' : '意见建议'}`}
          description={
            d.convertedOpinionId &&
            (can('opinion.readAll') || d.proposers.some((x) => x.memberId === me?.account.memberId)) ? (
              <Link to={`/opinions/${d.convertedOpinionId}`}>查看转成的社情民意信息及其采编、采用情况</Link>
            ) : undefined
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <ProposalContentCard d={d} />

          {d.assignments.length > 0 && (
            <AssignmentsCard d={d} onAction={(a, x) => open('assignment', a.id, x, a.role)} />
          )}

          {d.replies.length > 0 && <RepliesCard d={d} />}

          {(d.ratings.length > 0 || d.state === 'replied') && <RatingsCard d={d} />}
        </Col>

        <Col xs={24} xl={8}>
          {(d.key || d.can.setKey) && <KeyProposalCard d={d} onEdit={setDialog} onDone={done} />}
          {(d.commendation || d.can.commend) && <CommendationCard d={d} onOpen={() => setDialog('commend')} />}
          {d.can.setPublic && <PublicCard d={d} onDone={done} />}
          <WorkflowTimeline steps={d.timeline} />
        </Col>
      </Row>
      <ActionDialog pending={pending} detail={d} isStaff={isStaff} onClose={() => setPending(null)} onDone={done} />
      <StaffDialogs which={dialog} detail={d} onClose={() => setDialog(null)} onDone={done} />
    </>
  );
}
