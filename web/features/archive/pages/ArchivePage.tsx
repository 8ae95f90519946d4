// 数字文史: search the articles, the published volumes, the open collection topics; editors also pick the
// manuscripts of a state and create topics and volumes.
import { Button, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useSession } from '../../../app/session.tsx';
import { PageHeader } from '../../../components/index.ts';
import { SearchCard } from '../components/SearchCard.tsx';
import { TopicsCard } from '../components/TopicsCard.tsx';
import { VolumesCard } from '../components/VolumesCard.tsx';

export function ArchivePage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const editor = can('archive.edit');
  return (
    <>
      <PageHeader
        title="数字文史"
        description="三亲史料征集、编辑出版和文史资料检索。"
        extra={
          <Flex gap={8} wrap>
            <Button size="large" onClick={() => navigate('/archive/villages')}>
              村史编纂
            </Button>
            {can('archive.submit') && (
              <Button type="primary" size="large" onClick={() => navigate('/archive/submit')}>
                提交三亲史料
              </Button>
            )}
          </Flex>
        }
      />
      <SearchCard editor={editor} />
      <VolumesCard editor={editor} />
      <TopicsCard editor={editor} />
    </>
  );
}
