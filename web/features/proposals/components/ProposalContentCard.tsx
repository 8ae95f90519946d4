// 提案内容: who proposed it, when, the suggested units, the outcome, proposals merged into it, 案据, 建议 and files.
import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../app/format.ts';
import { type Detail, TAG } from '../api.ts';
import { Paragraphs } from './Paragraphs.tsx';

export function ProposalContentCard({ d }: { d: Detail }) {
  return (
    <Card title="提案内容" style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="middle" style={{ marginBottom: 16 }}>
        <Descriptions.Item label="提案人">
          {d.org ? (
            `${d.org.name}${d.org.responsibleName ? `（负责人：${d.org.responsibleName}）` : ''}`
          ) : (
            <Space wrap>
              {d.proposers.map((p) => (
                <span key={p.memberId}>
                  {p.name}
                  {p.isLead && d.kind === 'joint' ? '（领衔）' : ''}
                  {p.cosignStatus === 'invited' && <Tag color={TAG.gold}>待确认</Tag>}
                  {p.cosignStatus === 'declined' && <Tag>已谢绝</Tag>}
                </span>
              ))}
            </Space>
          )}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">{formatDateTime(d.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label="建议承办单位">
          {d.suggestedUnits.map((u) => u.name).join('、') || '—'}
        </Descriptions.Item>
        {d.outcomeClass && (
          <Descriptions.Item label="办理结果">
            {d.outcomeClass} 类 {d.outcomeLabel}
          </Descriptions.Item>
        )}
        {d.mergedFrom.length > 0 && (
          <Descriptions.Item label="并入的提案" span={2}>
            <Space direction="vertical" size={0}>
              {d.mergedFrom.map((m) => (
                <Link key={m.id} to={`/proposals/${m.id}`}>
                  {m.title}（{m.proposers}）
                </Link>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 19 }}>
        案据
      </Typography.Title>
      <Paragraphs text={d.background} />
      <Typography.Title level={2} style={{ fontSize: 19 }}>
        建议
      </Typography.Title>
      <Paragraphs text={d.suggestions} />
      {d.files.length > 0 && (
        <Space direction="vertical">
          {d.files.map((f) => (
            <a key={f.id} href={`/api/files/${f.id}`}>
              <PaperClipOutlined /> {f.name}
            </a>
          ))}
        </Space>
      )}
    </Card>
  );
}
