// 报送情况: where the report was forwarded (a higher committee through the platform, the party, the government …).
import { SendOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { formatDate } from '../../../app/format.ts';
import { SectionCard } from '../../../components/index.ts';
import type { Detail } from '../api.ts';

export function ForwardsCard({ d, onForward }: { d: Detail; onForward: () => void }) {
  return (
    <SectionCard
      title="报送情况"
      actions={
        d.can.forward && (
          <Button icon={<SendOutlined />} onClick={onForward}>
            报送
          </Button>
        )
      }
    >
      {d.forwards.length ? (
        <Flex vertical gap={6}>
          {d.forwards.map((f) => (
            <div key={f.id}>
              {formatDate(f.forwardedOn)} 报送 <strong>{f.targetName}</strong>
              {f.targetKind === 'higher' && '（平台报送，进入上级政协筛选）'}
              {f.note ? `，${f.note}` : ''}
            </div>
          ))}
        </Flex>
      ) : (
        <Typography.Text type="secondary">尚未报送</Typography.Text>
      )}
    </SectionCard>
  );
}
