// A studio's reception rota for the next two weeks (who receives residents on which day), set by staff.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { api } from '../../../api/client.ts';
import { beijingToday } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import type { RotaRow } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

const DAYS = 14;

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
    queryKey: grassrootsKeys.rotaFrom(studioId, from),
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
      qc.invalidateQueries({ queryKey: grassrootsKeys.rota(studioId) });
      qc.invalidateQueries({ queryKey: grassrootsKeys.studioQuestions(studioId) });
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
