// 书香政协: the reading groups (mine first), this year's book lists, and for staff and leaders the year's figures with
// the sentence a report writes and the Word of the selected notes.

import { Alert, Button, Card, Flex, List, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { beijingYear } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, ExportButton, PageHeader } from '../../../components/index.ts';
import { NewGroupButton } from '../components/NewGroupButton.tsx';
import { NewListButton } from '../components/NewListButton.tsx';
import { useBookLists, useGroups, useReadingFigures } from '../queries.ts';

export function ReadingPage() {
  const year = beijingYear();
  const { can } = useSession();
  const navigate = useNavigate();
  const groups = useGroups();
  const lists = useBookLists(year);
  const figures = useReadingFigures(year, can('reading.figures'));
  const sorted = [...(groups.data ?? [])].sort((a, b) => Number(b.mine) - Number(a.mine));
  return (
    <>
      <PageHeader
        title="书香政协"
        description="读书群、推荐书目、轮值分享和读书笔记。"
        extra={
          <Flex gap={8} wrap>
            {can('reading.manage') && (
              <>
                <NewGroupButton />
                <NewListButton />
                <Button size="large" onClick={() => navigate('/reading/handouts')}>
                  图书发放
                </Button>
              </>
            )}
            <ExportButton url={`/api/reading/collection.docx?year=${year}`}>{`${year}年读书笔记选编`}</ExportButton>
          </Flex>
        }
      />
      {figures.data && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`${year}年：${figures.data.sentence}`} />
      )}
      <ErrorAlert error={groups.error ?? lists.error ?? figures.error} />
      <Card title="读书群" style={{ marginBottom: 16 }}>
        <List
          dataSource={sorted}
          locale={{ emptyText: '暂无读书群' }}
          renderItem={(g) => (
            <List.Item>
              <Link to={`/reading/groups/${g.id}`} style={{ fontSize: 17 }}>
                {g.name}
              </Link>
              <span>
                {g.mine && <Tag color="blue">我的群</Tag>}领读人 {g.leadName} · {g.memberCount} 人
              </span>
            </List.Item>
          )}
        />
      </Card>
      <Card title={`${year}年推荐书目`}>
        {(lists.data ?? []).map((l) => (
          <div key={l.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>
              {l.period} {l.title}
            </Typography.Text>
            {l.specialCommitteeName && (
              <Typography.Text type="secondary">（{l.specialCommitteeName}推荐）</Typography.Text>
            )}
            <ul>
              {l.books.map((b) => (
                <li key={b.id}>
                  《{b.title}》{b.author} {b.handedOut > 0 && `· 已发放 ${b.handedOut} 册`}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {!lists.data?.length && <Typography.Text type="secondary">暂无书目</Typography.Text>}
      </Card>
    </>
  );
}
