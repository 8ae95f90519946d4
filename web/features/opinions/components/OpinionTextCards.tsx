// The report's text: the original beside the staff's edited text once there is one, else the text alone.
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Typography } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { SectionCard } from '../../../components/index.ts';
import type { Detail } from '../api.ts';
import { OpinionText } from './OpinionText.tsx';

export function OpinionTextCards({ d, onEdit }: { d: Detail; onEdit: () => void }) {
  return (
    <>
      {d.editedBody != null || d.editedTitle != null ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} lg={12}>
            <Card title="原稿" style={{ height: '100%' }}>
              <Typography.Title level={2} style={{ fontSize: 19 }}>
                {d.title}
              </Typography.Title>
              <OpinionText>{d.body}</OpinionText>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card
              title="编辑稿"
              style={{ height: '100%' }}
              extra={
                d.can.editText && (
                  <Button icon={<EditOutlined />} onClick={onEdit}>
                    修改编辑稿
                  </Button>
                )
              }
            >
              <Typography.Title level={2} style={{ fontSize: 19 }}>
                {d.editedTitle ?? d.title}
              </Typography.Title>
              <OpinionText>{d.editedBody ?? d.body}</OpinionText>
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                {d.editedByName ? `${d.editedByName} 编辑于 ${formatDateTime(d.editedAt)}` : ''}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      ) : (
        <SectionCard
          title="正文"
          actions={
            d.can.editText && (
              <Button icon={<EditOutlined />} onClick={onEdit}>
                编辑加工
              </Button>
            )
          }
        >
          <OpinionText>{d.body}</OpinionText>
        </SectionCard>
      )}
    </>
  );
}
