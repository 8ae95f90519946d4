// 答复: each unit's reply with its outcome class, review state, letter and the Word reply letter.
import { FileWordOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Alert, Card, Space, Tag, Typography } from 'antd';
import { formatDateTime } from '../../../app/format.ts';
import { ExportButton } from '../../../components/index.ts';
import { type Detail, TAG } from '../api.ts';
import { Paragraphs } from './Paragraphs.tsx';

export function RepliesCard({ d }: { d: Detail }) {
  return (
    <Card title="答复" style={{ marginBottom: 16 }}>
      {d.replies.map((r) => (
        <div key={r.id} style={{ marginBottom: 24 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            <strong>{r.unitName}</strong>
            <Tag color={TAG.blue}>
              {r.outcomeClass} 类 {r.outcomeLabel}
            </Tag>
            {r.originalClass !== r.outcomeClass && <Tag>原报 {r.originalClass} 类</Tag>}
            {r.round > 1 && <Tag color={TAG.orange}>第 {r.round} 轮</Tag>}
            {r.reviewState === 'pending' && <Tag color={TAG.gold}>待审核</Tag>}
            {r.reviewState === 'sentBack' && <Tag color={TAG.red}>已退回</Tag>}
            <Typography.Text type="secondary">{formatDateTime(r.createdAt)}</Typography.Text>
          </Space>
          <Paragraphs text={r.text} />
          {r.reviewComment && <Alert type="warning" title={`审核意见：${r.reviewComment}`} />}
          <Space wrap>
            {r.letter && (
              <a href={`/api/files/${r.letter.id}`}>
                <PaperClipOutlined /> {r.letter.name}
              </a>
            )}
            <ExportButton url={`/api/proposals/replies/${r.id}/word`} icon={<FileWordOutlined />}>
              答复函 Word
            </ExportButton>
          </Space>
        </div>
      ))}
    </Card>
  );
}
