// The register card at the head of a grassroots place's page (协商议事室, 委员工作室): the place's own facts (the
// children, Descriptions.Items), its members, the address of its public page, and the printed QR code beside them.
// <PlaceCard place={room} membersLabel="参加委员"><Descriptions.Item label="地点">…</Descriptions.Item></PlaceCard>
import { Card, Descriptions, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { QrCode } from './QrCode.tsx';

/** `place`: its name, members (names shown joined by 、, 暂无 when none), public page address and QR code SVG. */
export function PlaceCard({
  place,
  membersLabel,
  children,
}: {
  place: { name: string; members: { name: string }[]; publicUrl: string; qrSvg: string };
  membersLabel: string;
  children: ReactNode;
}) {
  return (
    <Card style={{ marginBottom: 16 }}>
      <Flex wrap gap={24}>
        <Descriptions column={1} style={{ flex: '1 1 280px' }}>
          {children}
          <Descriptions.Item label={membersLabel}>
            {place.members.map((m) => m.name).join('、') || '暂无'}
          </Descriptions.Item>
          <Descriptions.Item label="群众扫码页">
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {place.publicUrl}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
        <QrCode svg={place.qrSvg} label={`${place.name}二维码`} />
      </Flex>
    </Card>
  );
}
