// One 委员工作室: its members, QR code for the public, reception rota, residents' questions and micro suggestions.
import { useQuery } from '@tanstack/react-query';
import { Descriptions } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import type { StudioDetail } from '../api.ts';
import { PlaceCard } from '../components/PlaceCard.tsx';
import { QuestionsPanel } from '../components/QuestionsPanel.tsx';
import { RotaPanel } from '../components/RotaPanel.tsx';
import { SuggestionList } from '../components/SuggestionList.tsx';
import { grassrootsKeys } from '../queries.ts';

export function StudioPage() {
  const id = Number(useParams().id);
  const s = useQuery({
    queryKey: grassrootsKeys.studio(id),
    queryFn: () => api.get<StudioDetail>(`/api/grassroots/studios/${id}`),
  });
  const { can, me } = useSession();
  const d = s.data;
  const myMember = me?.account.memberId ?? null;
  const staff = can('grassroots.manage');
  // The same people the server lets set the rota (staff, the leader) and read the questions (also the members).
  const leads = !!d && myMember !== null && d.leaderMemberId === myMember;
  const inStudio = leads || (!!d && d.members.some((m) => m.id === myMember));
  const dutyMembers = d
    ? [
        ...(d.leaderMemberId !== null && d.leaderName && !d.members.some((m) => m.id === d.leaderMemberId)
          ? [{ id: d.leaderMemberId, name: d.leaderName }]
          : []),
        ...d.members,
      ]
    : [];
  return (
    <>
      <PageHeader title={d?.name ?? '委员工作室'} back="/grassroots/studios" />
      <ErrorAlert error={s.error} />
      {d && (
        <PlaceCard place={d} membersLabel="入驻委员">
          <Descriptions.Item label="类型">{d.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="地址">{d.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="负责人">{d.leaderName ?? '未指定'}</Descriptions.Item>
        </PlaceCard>
      )}
      {d && (staff || leads) && <RotaPanel studioId={id} members={dutyMembers} />}
      {d && (staff || inStudio) && <QuestionsPanel studioId={id} />}
      <SuggestionList studioId={id} />
    </>
  );
}
