// The month's facts the draft was generated from, shown beside the text so the office and the chairs can check it.
import { Card, Descriptions, List } from 'antd';
import type { MonthFacts } from '../api.ts';

const KIND = { meeting: '会议', consultation: '协商活动', supervision: '民主监督' };

export function ReportFacts({ facts }: { facts: MonthFacts }) {
  const titles = (xs: { title: string }[]) => (xs.length ? xs.map((x) => `《${x.title}》`).join('、') : '无');
  return (
    <Card title="本月履职数据" style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label="开展活动">{facts.events.length} 次</Descriptions.Item>
        <Descriptions.Item label="参加委员">{facts.membersTakingPart} 人</Descriptions.Item>
        <Descriptions.Item label="集体提案">{titles(facts.proposals)}</Descriptions.Item>
        <Descriptions.Item label="社情民意信息">{titles(facts.opinions)}</Descriptions.Item>
        <Descriptions.Item label="一委一品">
          {facts.signature ? `${facts.signature.title}：进展 ${facts.signature.progress.length} 条` : '未设立'}
        </Descriptions.Item>
      </Descriptions>
      {!!facts.events.length && (
        <List
          size="small"
          dataSource={facts.events}
          renderItem={(e) => (
            <List.Item>
              {e.day} {e.title}（{KIND[e.kind]}，委员参加 {e.participants} 人）
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
