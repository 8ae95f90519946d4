// One consultation event: its details and deadlines, the procedure's buttons, agenda, participants (staff add members
// by range and guests by name), materials, speeches (members sign up and submit text; staff select, order and mark
// delivered), and the link to the meeting where members reply, ask for leave and check in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { type AgendaEntry, type EventDetail, GUEST } from '../api.ts';
import { AgendaCard } from '../components/AgendaCard.tsx';
import { EventActionForm } from '../components/EventActionForm.tsx';
import { EventInfoCard } from '../components/EventInfoCard.tsx';
import { MinutesCard } from '../components/MinutesCard.tsx';
import { ParticipantsDialog } from '../components/ParticipantsDialog.tsx';
import { SpeechForm } from '../components/SpeechForm.tsx';
import { SpeechRow } from '../components/SpeechRow.tsx';
import { consultationKeys } from '../queries.ts';

export function EventDetailPage() {
  const { id } = useParams();
  const { can } = useSession();
  const office = can('consultation.manage');
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [acting, setActing] = useState<any>(null);
  const [adding, setAdding] = useState(false);
  const { data: e, error } = useQuery({
    queryKey: consultationKeys.event(id),
    queryFn: () => api.get<EventDetail>(`/api/consultations/events/${id}`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: consultationKeys.all });
  const done = (text: string) => () => {
    message.success(text);
    setActing(null);
    setAdding(false);
    refresh();
  };
  const act = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/events/${id}/actions`, { ...v, action: acting?.action }),
    onSuccess: done('已完成操作'),
  });
  const signUp = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/events/${id}/speeches`, v),
    onSuccess: done('已报名发言'),
  });
  const saveText = useMutation({
    mutationFn: (v: any) => api.put(`/api/consultations/speeches/${v.id}`, { title: v.title, body: v.body }),
    onSuccess: done('发言稿已提交'),
  });
  const decide = useMutation({
    mutationFn: (v: any) => api.post(`/api/consultations/speeches/${v.id}/decision`, v.body),
    onSuccess: done('已保存'),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!e) return null;
  const mySpeech = e.speeches.find((s) => s.actions.some((a) => a.action === 'submitText'));
  const canSignUp =
    can('consultation.read') &&
    e.isParticipant &&
    ['preparation', 'noticed'].includes(e.state) &&
    !e.speeches.some((s) => s.body && s.actions.length && !office);
  return (
    <>
      <PageHeader
        title={e.title}
        back="/consultations/events"
        extra={e.actions.map((a) => (
          <Button
            key={a.action}
            type={a.action === 'cancel' ? 'default' : 'primary'}
            danger={a.action === 'cancel'}
            onClick={() => setActing(a)}
          >
            {a.label}
          </Button>
        ))}
      />
      <ErrorAlert error={act.error ?? decide.error} />
      <EventInfoCard e={e} office={office} />
      <AgendaCard agenda={e.agenda as AgendaEntry[]} />
      <Card title="发言" style={{ marginBottom: 16 }}>
        {e.speeches.map((s) => (
          <SpeechRow key={s.id} s={s} onDecide={(body) => decide.mutate({ id: s.id, body })} />
        ))}
        {!e.speeches.length && <Typography.Paragraph>暂无发言</Typography.Paragraph>}
        {mySpeech && (
          <SpeechForm
            eventId={id}
            speech={mySpeech}
            save={(v) => saveText.mutateAsync({ ...v, id: mySpeech.id })}
            pending={saveText.isPending}
            error={saveText.error}
          />
        )}
        {canSignUp && !mySpeech && (
          <SpeechForm
            eventId={id}
            speech={null}
            save={(v) => signUp.mutateAsync(v)}
            pending={signUp.isPending}
            error={signUp.error}
          />
        )}
      </Card>
      <Card
        title={`参加人员（${e.participants.length}）`}
        extra={
          office &&
          ['preparation', 'noticed'].includes(e.state) && <Button onClick={() => setAdding(true)}>添加</Button>
        }
      >
        {e.participants.map((p) => (
          <Tag key={p.id} style={{ marginBottom: 6 }}>
            {GUEST[p.kind]}：{p.name}
            {p.organisation ? `（${p.organisation}）` : ''}
          </Tag>
        ))}
      </Card>
      <MinutesCard minutes={e.minutes} agreedPoints={e.agreedPoints} />
      <Modal title={acting?.label} open={!!acting} onCancel={() => setActing(null)} footer={null} destroyOnHidden>
        {acting && (
          <EventActionForm eventId={id} acting={acting} save={(v) => act.mutateAsync(v)} pending={act.isPending} />
        )}
      </Modal>
      <ParticipantsDialog eventId={id} open={adding} onClose={() => setAdding(false)} onDone={done('已添加参加人员')} />
    </>
  );
}
