// 正负面清单 as a member and the rule page read them: each item with its points and the evidence it needs; for a
// member also what was recorded about them this year, a deduction with the facts and grounds staff gave.
import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { POLARITY_LABEL, signedPoints } from '../api.ts';
import { useConductLists, useConductRecords } from '../queries.ts';

export function ConductListsCard({ year, mine, manage }: { year: number; mine?: boolean; manage?: boolean }) {
  const lists = useConductLists(year);
  const items = (lists.data?.items ?? []).filter((i) => !i.retired);
  if (!items.length && !manage) return mine ? <MyConductRecords year={year} /> : null;
  return (
    <>
      <Card
        title={`${year} 年度正负面清单`}
        extra={manage ? <Link to="/duty/lists">维护清单</Link> : null}
        style={{ marginBottom: 16 }}
      >
        {(['positive', 'negative'] as const).map((p) => {
          const of = items.filter((i) => i.polarity === p);
          return (
            <div key={p} style={{ marginBottom: 12 }}>
              <Typography.Title level={2} style={{ fontSize: '1.05em' }}>
                {POLARITY_LABEL[p]}
              </Typography.Title>
              <List
                size="small"
                dataSource={of}
                locale={{ emptyText: <span style={{ color: '#595959' }}>暂无事项</span> }}
                renderItem={(i) => (
                  <List.Item>
                    <List.Item.Meta
                      title={
                        <Flex gap={8} wrap>
                          {i.title}
                          <Tag color={p === 'negative' ? 'red' : '#237804'}>{signedPoints(i)}</Tag>
                        </Flex>
                      }
                      description={i.evidenceRequired ? `所需佐证：${i.evidenceRequired}` : null}
                    />
                  </List.Item>
                )}
              />
            </div>
          );
        })}
      </Card>
      {mine && <MyConductRecords year={year} />}
    </>
  );
}

function MyConductRecords({ year }: { year: number }) {
  const { data } = useConductRecords(year);
  const rows = (data?.items ?? []).filter((r) => !r.revoked);
  if (!rows.length) return null;
  return (
    <Card title="清单登记情况" style={{ marginBottom: 16 }}>
      <List
        dataSource={rows}
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Flex gap={8} wrap>
                  {r.itemTitle}
                  <Tag color={r.polarity === 'negative' ? 'red' : '#237804'}>{signedPoints(r)}</Tag>
                  <Typography.Text type="secondary">{r.occurredOn}</Typography.Text>
                </Flex>
              }
              description={`事实与依据：${r.evidence}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
