// The page an invited citizen (受邀群众) opens from the link or QR code, with no account: the topic and its materials,
// a phone number and a one-time code to sign in (a guest of this one discussion), then one statement at a time to vote
// on and a box to write one, and all statements with their comments to reply to — the same components as a member's
// page (VoteCard, WriteCard, StatementList) on the public API. Phone first (375 px).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Collapse, Result, Spin, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import type { PublicDiscussion as PublicTopic } from '../../../../../server/modules/consultations/discussion-guests.ts';
import { type ApiError, api } from '../../../../api/client.ts';
import { formatDateTime } from '../../../../app/format.ts';
import { ErrorAlert } from '../../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../../components/PublicFrame.tsx';
import { Participate } from '../components/GuestParticipate.tsx';
import { SignIn } from '../components/GuestSignIn.tsx';
import { discussionKeys } from '../queries.ts';

type PublicDiscussion = PublicTopic & { signedIn: boolean; full: boolean };

export function JoinDiscussionPage() {
  const token = useParams().token ?? '';
  const base = `/api/public/discussions/${token}`;
  const qc = useQueryClient();
  const page = useQuery({
    queryKey: discussionKeys.public(token),
    queryFn: () => api.get<PublicDiscussion>(base),
    retry: false,
  });
  if (page.isLoading) return <Spin />;
  const err = page.error as ApiError | null;
  if (err && (err.status === 404 || err.status === 410))
    return (
      <PublicFrame fontSize={16} title="网络议政">
        <Result status="warning" title={err.message} subTitle="邀请链接可能已过期、已被收回或名额已用完。" />
      </PublicFrame>
    );
  const d = page.data;
  const now = Date.now();
  const open = !!d && Date.parse(d.opensAt) <= now && now < Date.parse(d.closesAt);
  return (
    <PublicFrame fontSize={16} title={d?.topic ?? '网络议政'}>
      <ErrorAlert error={page.error} />
      {d && (
        <>
          <Typography.Paragraph type="secondary">
            {formatDateTime(d.opensAt)} 至 {formatDateTime(d.closesAt)} · 受邀参与
          </Typography.Paragraph>
          {d.background && (
            <Collapse
              defaultActiveKey={d.signedIn ? [] : ['bg']}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'bg',
                  label: '背景材料',
                  children: <div style={{ whiteSpace: 'pre-wrap' }}>{d.background}</div>,
                },
              ]}
            />
          )}
          {d.signedIn ? (
            <Participate source={{ base, key: discussionKeys.guest(token), takePart: open }} maxLength={d.maxLength} />
          ) : d.full ? (
            <Result status="warning" title="此邀请链接的名额已用完" subTitle="请联系工作人员获取新的邀请链接。" />
          ) : (
            <SignIn base={base} onDone={() => qc.invalidateQueries({ queryKey: discussionKeys.public(token) })} />
          )}
        </>
      )}
    </PublicFrame>
  );
}
