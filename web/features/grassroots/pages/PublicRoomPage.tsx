// 议事室 (public, from the room's QR code, no account): its published results and the form to raise a topic (码上议).
import { Card, Flex, List, Spin, Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import type { PublicRoom } from '../api.ts';
import { PublicSubmitForm } from '../components/PublicSubmitForm.tsx';
import { usePublicPage } from '../queries.ts';

export function PublicRoomPage() {
  const { token, query: room } = usePublicPage<PublicRoom>('room');
  if (room.isLoading) return <Spin />;
  const r = room.data;
  return (
    <PublicFrame title={r?.name ?? '协商议事室'}>
      <ErrorAlert error={room.error} />
      {r && (
        <>
          <Typography.Paragraph>
            {r.township} {r.village} · 第一召集人 {r.firstConvener}
            {r.execConvenerName && ` · 执行召集人 ${r.execConvenerName}`}
          </Typography.Paragraph>
          <PublicSubmitForm kind="rooms" token={token} what="我要提议题（有事好商量）" />
          <Card title="协商结果" style={{ marginTop: 16 }}>
            <List
              dataSource={r.results}
              locale={{ emptyText: <Typography.Text>暂无公开的协商结果</Typography.Text> }}
              renderItem={(s) => (
                <List.Item>
                  <div>
                    <Typography.Text strong>{s.title}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{s.heldOn}</Typography.Text>
                    {s.photoIds.length > 0 && (
                      <Flex wrap gap={8} style={{ marginTop: 8 }}>
                        {s.photoIds.map((id) => (
                          <img
                            key={id}
                            src={`/api/public/rooms/${token}/photos/${id}`}
                            alt={`${s.title}现场照片`}
                            style={{ width: 120, height: 90, objectFit: 'cover' }}
                          />
                        ))}
                      </Flex>
                    )}
                    <ul>
                      {s.items.map((i) => (
                        <li key={i.content}>
                          {i.content}（{i.unitName}，{i.stateLabel}）{i.feedback && `：${i.feedback}`}
                        </li>
                      ))}
                    </ul>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </PublicFrame>
  );
}
