// 委员会客室 on a studio's staff page: 值班安排 (the next 14 Beijing days, one member of the studio per day, saved at once
// by staff or the studio's leader) and 群众提问 (the studio's questions, unanswered and moved ones first; no phone numbers).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client.ts';
import { beijingToday, formatDateTime } from '../../app/format.ts';
import { ErrorAlert, ResponsiveList } from '../../components/index.ts';
import { TAG } from '../../components/tagColors.ts';

const DAYS = 14;

interface RotaRow {
  date: string;
  memberId: number;
  memberName: string;
}

interface StudioQuestion {
  id: number;
  question: string;
  dutyOn: string;
  flagged: boolean;
  moved: number;
  memberName: string | null;
  answer: string | null;
  answeredAt: string | null;
}

/** Who may be on duty: the studio's leader and members (the server accepts exactly these). */
export interface RotaMember {
  id: number;
  name: string;
}

export function RotaPanel({ studioId, members }: { studioId: number; members: RotaMember[] }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const days = useMemo(() => {
    const today = beijingToday();
    return Array.from({ length: DAYS }, (_, i) => today.add(i, 'day'));
  }, []);
  const from = days[0].format('YYYY-MM-DD');
  const to = days[DAYS - 1].format('YYYY-MM-DD');
  const rota = useQuery({
    queryKey: ['grassroots', 'rota', studioId, from],
    queryFn: () => api.get<{ items: RotaRow[] }>(`/api/grassroots/studios/${studioId}/rota?from=${from}&to=${to}`),
  });
  const [picked, setPicked] = useState<Record<string, number | null>>({});
  useEffect(() => {
    if (rota.data) setPicked(Object.fromEntries(rota.data.items.map((r) => [r.date, r.memberId])));
  }, [rota.data]);
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/grassroots/studios/${studioId}/rota`, {
        entries: days.map((d) => {
          const date = d.format('YYYY-MM-DD');
          return { date, memberId: picked[date] ?? null };
        }),
      }),
    onSuccess: () => {
      message.success('值班安排已保存');
      qc.invalidateQueries({ queryKey: ['grassroots', 'rota', studioId] });
      qc.invalidateQueries({ queryKey: ['grassroots', 'studio-questions', studioId] });
    },
  });
  // A member no longer in the studio may still hold a saved day: keep their name visible rather than a bare number.
  const options = useMemo(() => {
    const known = new Map(members.map((m) => [m.id, m.name]));
    for (const r of rota.data?.items ?? []) if (!known.has(r.memberId)) known.set(r.memberId, r.memberName);
    return [...known].map(([value, label]) => ({ value, label }));
  }, [members, rota.data]);
  return (
    <Card title="值班安排" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        今后 {DAYS} 天（北京时间）由哪位入驻委员在委员会客室值班、答复群众提问；不选即当天无人值班。
      </Typography.Paragraph>
      <ErrorAlert error={rota.error ?? save.error} />
      {members.length === 0 && (
        <Typography.Paragraph type="warning">本工作室还没有入驻委员或负责人，无法安排值班。</Typography.Paragraph>
      )}
      <Flex wrap gap={12}>
        {days.map((d) => {
          const date = d.format('YYYY-MM-DD');
          const label = d.locale('zh-cn').format('M月D日 dddd');
          return (
            <Flex key={date} vertical gap={4} style={{ flex: '1 1 150px', minWidth: 0 }}>
              <Typography.Text>{label}</Typography.Text>
              <Select
                aria-label={`${label}值班委员`}
                allowClear
                placeholder="无人值班"
                loading={rota.isLoading}
                value={picked[date] ?? undefined}
                onChange={(v) => setPicked((p) => ({ ...p, [date]: v ?? null }))}
                options={options}
                style={{ width: '100%' }}
              />
            </Flex>
          );
        })}
      </Flex>
      <Button
        type="primary"
        style={{ marginTop: 16 }}
        loading={save.isPending}
        disabled={rota.isLoading || members.length === 0}
        onClick={() => save.mutate()}
      >
        保存
      </Button>
    </Card>
  );
}

export function QuestionsPanel({ studioId }: { studioId: number }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: ['grassroots', 'studio-questions', studioId],
    queryFn: () =>
      api.get<{ items: StudioQuestion[]; total: number }>(`/api/grassroots/studios/${studioId}/reception-questions`),
  });
  // The API returns the studio's latest 200 at once; the pages are cut here.
  const data = list.data && {
    items: list.data.items.slice((page.page - 1) * page.pageSize, page.page * page.pageSize),
    total: list.data.items.length,
  };
  return (
    <Card title="群众提问" style={{ marginBottom: 16 }}>
      <ErrorAlert error={list.error} />
      <ResponsiveList<StudioQuestion>
        data={data}
        loading={list.isLoading}
        page={page.page}
        pageSize={page.pageSize}
        onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
        titleColumn="question"
        columns={[
          {
            title: '问题',
            dataIndex: 'question',
            render: (v: string) => <span style={{ wordBreak: 'break-word', whiteSpace: 'pre-wrap' }}>{v}</span>,
          },
          { title: '值班日期', dataIndex: 'dutyOn' },
          { title: '值班委员', dataIndex: 'memberName', render: (v: string | null) => v ?? '暂无人值班' },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, r: StudioQuestion) => (
              <Flex wrap gap={4}>
                {r.answeredAt ? (
                  <Tag color={TAG.green}>已答复 {formatDateTime(r.answeredAt)}</Tag>
                ) : (
                  <Tag color={TAG.orange}>待答复</Tag>
                )}
                {r.flagged && <Tag color={TAG.red}>{r.moved > 0 ? `已转交 ${r.moved} 次` : '逾期未答'}</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
