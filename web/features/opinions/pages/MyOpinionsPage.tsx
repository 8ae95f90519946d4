// 我的信息: a submitter's own reports (drafts included) as cards that read well on a phone — state, issue, adoption
// levels, leaders' instructions and department responses at a glance; each opens the report.
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { formatDate } from '../../../app/format.ts';
import {
  CardList,
  choices,
  countActive,
  ErrorAlert,
  FilterBar,
  PageHeader,
  ParamSearch,
  pagedProps,
  useListParams,
} from '../../../components/index.ts';
import { LEVEL_LABEL, type ListItem, REPORT_STATES, STATE_COLORS } from '../api.ts';
import { Pill } from '../Pill.tsx';
import { opinionKeys } from '../queries.ts';

export function StateTag({ state, label }: { state: string; label: string }) {
  return <Pill tone={STATE_COLORS[state] ?? 'default'}>{label}</Pill>;
}

export function OutcomeTags({ item }: { item: ListItem }) {
  return (
    <>
      {item.adoptedLevels.map((l) => (
        <Pill key={`a${l}`} tone="red">
          {LEVEL_LABEL[l]}采用
        </Pill>
      ))}
      {item.instructionLevels.map((l) => (
        <Pill key={`i${l}`} tone="gold">
          {LEVEL_LABEL[l]}领导批示
        </Pill>
      ))}
      {item.referralState === 'approved' && <Pill tone="green">部门已回复</Pill>}
    </>
  );
}

export function MyOpinionsPage() {
  const [params, setParams] = useListParams({ q: '', state: '' }, 10);
  const navigate = useNavigate();
  const { data, error, isFetching } = useQuery({
    queryKey: opinionKeys.mine(params),
    queryFn: () => api.get<{ items: ListItem[]; total: number }>(`/api/opinions/mine${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="我的信息"
        description="您报送的社情民意信息，以及筛选、编报、采用、批示和部门回复的情况。"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opinions/new')}>
            报送信息
          </Button>
        }
      />
      <FilterBar
        active={countActive(params.state)}
        search={
          <ParamSearch
            label="按标题或内容查找"
            name="q"
            params={params}
            setParams={setParams}
            style={{ maxWidth: 360, flex: '1 1 220px' }}
          />
        }
      >
        <Select
          aria-label="状态"
          style={{ width: 160 }}
          value={params.state || ''}
          onChange={(state) => setParams({ state })}
          options={[{ value: '', label: '全部状态' }, ...choices(REPORT_STATES)]}
        />
      </FilterBar>
      <ErrorAlert error={error} />
      <CardList
        {...pagedProps({ data, isFetching }, params, setParams)}
        emptyText="还没有报送过信息"
        renderCard={(item) => (
          <Card style={{ width: '100%' }} styles={{ body: { padding: 16 } }}>
            <Flex justify="space-between" gap={8} wrap>
              <Link to={`/opinions/${item.id}`} style={{ fontSize: 18, fontWeight: 600 }}>
                {item.title}
              </Link>
              <StateTag state={item.state} label={item.stateLabel} />
            </Flex>
            <Typography.Paragraph type="secondary" style={{ margin: '6px 0' }}>
              {item.category} ·{' '}
              {item.submittedAt ? `${formatDate(item.submittedAt)}提交` : `${formatDate(item.createdAt)}保存`}
              {item.issueTitle ? ` · 编入${item.issueTitle}` : ''}
            </Typography.Paragraph>
            <Flex gap={4} wrap>
              <OutcomeTags item={item} />
              {['draft', 'returned'].includes(item.state) && (
                <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/opinions/${item.id}/edit`)}>
                  {item.state === 'draft' ? '继续编辑' : '修改后重新提交'}
                </Button>
              )}
            </Flex>
          </Card>
        )}
      />
    </>
  );
}
