// How a member's score comes about: categories, each scored fact with its rule, the checklist, reminders.
import { Alert, Card, Col, Flex, List, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { formatDate } from '../../../app/format.ts';
import { type Explanation, GRADE_COLOR, type MemberPage } from '../api.ts';

export function DutyExplanation({ page }: { page: MemberPage }) {
  const e: Explanation = page.explanation;
  const catName = Object.fromEntries(e.categories.map((c) => [c.key, c.name]));
  return (
    <Flex vertical gap={16}>
      <Card>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic
              title="本年积分"
              value={e.total}
              suffix="分"
              styles={{ content: { fontSize: 36, fontWeight: 600 } }}
            />
          </Col>
          <Col xs={12} md={6}>
            <div style={{ fontSize: 14, color: 'rgba(0,0,0,0.72)' }}>等次</div>
            <Tag color={GRADE_COLOR[e.grade]} style={{ fontSize: 20, padding: '6px 12px', marginTop: 8 }}>
              {e.gradeLabel}
            </Tag>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="全体委员中位数" value={page.median ?? '—'} suffix={page.median === null ? '' : '分'} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title="合格分" value={e.passMark} suffix="分" />
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          计分规则：{e.version.name}（{e.version.year} 年第 {e.version.version} 版）
          {e.base ? `，基础分 ${e.base} 分` : ''}
          {e.maxTotal !== null ? `，满分 ${e.maxTotal} 分` : '，不封顶'}。积分反映履职数量，不代表履职质量。
        </Typography.Paragraph>
      </Card>
      {page.reminders.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title="提醒"
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {page.reminders.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      )}
      {page.commendations.length > 0 && (
        <Alert
          type="success"
          showIcon
          title={page.commendations.map((c) => `${c.year} 年度「${c.title}」`).join('，')}
        />
      )}
      {e.checklist.length > 0 && (
        <Card title="年度基本要求">
          <Progress
            percent={Math.round((e.checklist.filter((k) => k.done).length / e.checklist.length) * 100)}
            format={() => `${e.checklist.filter((k) => k.done).length} / ${e.checklist.length}`}
            aria-label="年度基本要求完成进度"
          />
          <List
            dataSource={e.checklist}
            renderItem={(k) => (
              <List.Item>
                <span style={{ fontSize: 16 }}>{k.label}</span>
                {k.done ? (
                  <Tag color="#237804">已完成（{k.count} 次）</Tag>
                ) : (
                  <Tag color="#cf1322">
                    未完成（{k.count}/{k.min}）
                  </Tag>
                )}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card title="各类得分">
        <List
          dataSource={e.categories}
          renderItem={(c) => (
            <List.Item>
              <span style={{ fontSize: 16 }}>{c.name}</span>
              <span style={{ fontSize: 18, fontWeight: 600 }}>
                {c.points} 分
                {c.cap !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
                    （上限 {c.cap}）
                  </Typography.Text>
                )}
              </span>
            </List.Item>
          )}
        />
        {e.notes.map((n) => (
          <Typography.Paragraph key={n} type="secondary" style={{ margin: '4px 0' }}>
            {n}
          </Typography.Paragraph>
        ))}
      </Card>
      <Card title={`履职记录（${e.lines.length} 条）`}>
        <List
          dataSource={e.lines}
          locale={{ emptyText: '本年度还没有履职记录' }}
          renderItem={(l) => (
            <List.Item>
              <Flex justify="space-between" gap={12} style={{ width: '100%' }} wrap>
                <div style={{ flex: '1 1 220px' }}>
                  <div style={{ fontSize: 16 }}>
                    {l.kindLabel}
                    {l.role !== 'self' && <Tag style={{ marginLeft: 6 }}>{l.roleLabel}</Tag>}
                  </div>
                  {l.title && <div>{l.title}</div>}
                  <Typography.Text type="secondary">
                    {formatDate(l.occurredOn)}
                    {l.detailText && `，${l.detailText}`}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {l.rule ? `依据：${l.rule}（${catName[l.category!] ?? ''}）` : ''}
                      {l.note ? `${l.rule ? '；' : ''}${l.note}` : ''}
                    </Typography.Text>
                  </div>
                </div>
                <div
                  style={{
                    fontSize: 20,
                    fontWeight: 600,
                    color: l.points < 0 ? '#cf1322' : l.points > 0 ? '#237804' : undefined,
                  }}
                >
                  {l.points > 0 ? `+${l.points}` : l.points}
                </div>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
