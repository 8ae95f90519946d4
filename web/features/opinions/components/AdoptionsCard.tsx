// 采用与批示: adoptions and leaders' instructions, also those that flowed back from a higher committee; staff
// record them and delete their own mistakes.
import { Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import { ConfirmButton, SectionCard } from '../../../components/index.ts';
import type { Detail } from '../api.ts';
import { Pill } from '../Pill.tsx';
import { FileLinks, OpinionText } from './OpinionText.tsx';

export function AdoptionsCard({
  d,
  onRecord,
  done,
}: {
  d: Detail;
  onRecord: (what: 'adopt' | 'instruct') => void;
  done: (text: string) => Promise<unknown>;
}) {
  const staffOnly = d.access === 'staff';
  return (
    <SectionCard
      title="采用与批示"
      actions={
        d.can.record && (
          <Space wrap>
            <Button onClick={() => onRecord('adopt')}>记录采用</Button>
            <Button onClick={() => onRecord('instruct')}>记录批示</Button>
          </Space>
        )
      }
    >
      {!d.adoptions.length && !d.instructions.length && <Empty description="暂无采用或批示" />}
      {d.adoptions.map((a) => (
        <Flex key={`a${a.id}`} gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <Pill tone="red" large>
            {a.levelLabel}采用
          </Pill>
          <span>
            {a.adoptedBy}，{formatDate(a.adoptedOn)}
            {a.note ? `，${a.note}` : ''}
          </span>
          {a.fromCommittee && <Pill tone="purple">{a.fromCommittee}回传</Pill>}
          {staffOnly && d.can.record && !a.fromCommittee && (
            <DeleteRecord what="采用" url={`/api/opinions/${d.id}/adoptions/${a.id}`} done={done} />
          )}
        </Flex>
      ))}
      {d.instructions.map((i) => (
        <Card
          key={`i${i.id}`}
          size="small"
          style={{ marginBottom: 12, background: '#fffbe6', borderColor: '#ffe58f' }}
          title={
            <Flex gap={8} wrap align="center">
              <Pill tone="gold">{i.levelLabel}领导批示</Pill>
              <span>
                {i.leaderTitle ?? ''}
                {i.leaderName}
              </span>
              <Typography.Text type="secondary">{formatDate(i.instructedOn)}</Typography.Text>
              {i.fromCommittee && <Pill tone="purple">{i.fromCommittee}回传</Pill>}
            </Flex>
          }
          extra={
            staffOnly &&
            d.can.record &&
            !i.fromCommittee && (
              <DeleteRecord what="批示" url={`/api/opinions/${d.id}/instructions/${i.id}`} done={done} />
            )
          }
        >
          <OpinionText>{i.text}</OpinionText>
          <FileLinks files={i.files} />
        </Card>
      ))}
    </SectionCard>
  );
}

/** 删除 of a mis-recorded 采用 or 批示 (`what`): asks first, DELETEs `url`, then `done('已删除')` refreshes the page. */
function DeleteRecord({ what, url, done }: { what: string; url: string; done: (text: string) => Promise<unknown> }) {
  return (
    <ConfirmButton
      size="small"
      danger
      confirm={`确定删除这条${what}记录吗？`}
      detail="仅用于更正误录；回传到下级政协的记录会一并删除。"
      onConfirm={async () => {
        await api.del(url);
        await done('已删除');
      }}
    >
      删除
    </ConfirmButton>
  );
}
