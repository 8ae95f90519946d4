// 重点提案: the leaders who lead and supervise a key proposal and the record of supervision; the office sets and
// undoes it.
import { Button, Descriptions, Space, Timeline, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import { ConfirmButton, SectionCard } from '../../../components/index.ts';
import type { Detail } from '../api.ts';

export function KeyProposalCard({
  d,
  onEdit,
  onDone,
}: {
  d: Detail;
  onEdit: (dialog: 'key' | 'keyEvent') => void;
  onDone: () => void;
}) {
  return (
    <SectionCard
      title="重点提案"
      actions={
        d.can.setKey && (
          <Space>
            <Button onClick={() => onEdit('key')}>{d.key ? '修改' : '列为重点'}</Button>
            {d.key && <Button onClick={() => onEdit('keyEvent')}>记录督办</Button>}
          </Space>
        )
      }
    >
      {d.key ? (
        <>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="领办领导">{d.key.governmentLeader}</Descriptions.Item>
            <Descriptions.Item label="督办领导">{d.key.supervisingLeader}</Descriptions.Item>
          </Descriptions>
          <Timeline
            items={d.key.events.map((e) => ({
              key: e.id,
              children: (
                <>
                  <strong>
                    {formatDate(e.date)} {e.kindLabel}
                  </strong>
                  <div>{e.text}</div>
                </>
              ),
            }))}
          />
          {d.can.setKey && (
            <ConfirmButton
              confirm="确定取消重点提案吗？"
              detail="督办记录将一并删除。"
              danger
              onConfirm={async () => {
                await api.del(`/api/proposals/${d.id}/key`);
                onDone();
              }}
            >
              取消重点提案
            </ConfirmButton>
          )}
        </>
      ) : (
        <Typography.Text type="secondary">尚未列为重点提案</Typography.Text>
      )}
    </SectionCard>
  );
}
