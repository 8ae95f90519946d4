// Under an agreed item whose topic came from the hotline (每月一题): the topic's hotline cases with their marks, and for
// staff the cases this item resolves (recorded on the item; they count as resolved once the item is confirmed done).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/index.ts';
import type { HotlineCase } from '../api.ts';
import { grassrootsKeys } from '../queries.ts';

export function HotlineItemCases({ item, manage }: { item: { id: number; topicId?: number | null }; manage: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const cases = useQuery({
    queryKey: grassrootsKeys.topicCases(item.topicId),
    enabled: !!item.topicId,
    meta: { background: true },
    queryFn: () =>
      api.get<{ items: HotlineCase[] }>(`/api/grassroots/hotline/cases?topicId=${item.topicId}&pageSize=200`),
  });
  const save = useMutation({
    mutationFn: () => api.post(`/api/grassroots/items/${item.id}/hotline-cases`, { caseNos: chosen }),
    onSuccess: () => {
      message.success('已记录解决的热线工单');
      setChosen([]);
      qc.invalidateQueries({ queryKey: grassrootsKeys.all });
    },
  });
  const list = cases.data?.items ?? [];
  if (!list.length) return null;
  const mine = list.filter((c) => c.agreedItemId === item.id);
  const open = list.filter((c) => !c.agreedItemId);
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }}>
      <Typography.Text>
        议题关联热线工单 {list.length} 件{mine.length > 0 && `，本事项解决：${mine.map((c) => c.caseNo).join('、')}`}
      </Typography.Text>
      {mine.length > 0 && (
        <Flex wrap gap={4}>
          {mine.map((c) => (
            <Tag key={c.id} color={c.mark === 'resolved' ? 'green' : 'blue'}>
              {c.caseNo} {c.markLabel}
            </Tag>
          ))}
        </Flex>
      )}
      {manage && open.length > 0 && (
        <Flex wrap gap={8}>
          <Select
            mode="multiple"
            aria-label="本事项解决的热线工单"
            placeholder="选择本事项解决的工单"
            style={{ minWidth: 220, maxWidth: '100%' }}
            value={chosen}
            onChange={setChosen}
            options={open.map((c) => ({ value: c.caseNo, label: c.caseNo }))}
          />
          <Button disabled={!chosen.length} loading={save.isPending} onClick={() => save.mutate()}>
            记录解决的工单
          </Button>
        </Flex>
      )}
      <ErrorAlert error={save.error} />
    </Flex>
  );
}
