// 编报: the 《社情民意》 issues of a year (numbered per year) and a new issue.
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, qs } from '../../../api/client.ts';
import { beijingYear, formatDate } from '../../../app/format.ts';
import { useSession } from '../../../app/session.tsx';
import { errorMessage, PageHeader, pagedProps, TableCard, useListParams } from '../../../components/index.ts';
import type { IssueSummary } from '../api.ts';
import { Pill } from '../Pill.tsx';
import { opinionKeys } from '../queries.ts';

export function IssuesPage() {
  const thisYear = beijingYear();
  const [params, setParams] = useListParams({ year: String(thisYear) });
  const navigate = useNavigate();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { data, error, isFetching } = useQuery({
    queryKey: opinionKeys.issueList(params),
    queryFn: () => api.get<{ items: IssueSummary[]; total: number }>(`/api/opinions/issues${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<{ id: number; title: string }>('/api/opinions/issues', { year: Number(params.year) || thisYear }),
    onSuccess: (r) => {
      queryClient.invalidateQueries({ queryKey: opinionKeys.issues });
      message.success(`已新建${r.title}`);
      navigate(`/opinions/issues/${r.id}`);
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <>
      <PageHeader
        title="《社情民意》编报"
        description="每年从第1期起自动编号。新建一期后，把采编留用的信息编入，编辑加工、导出 Word、印发并报送。"
        extra={
          can('opinion.screen') && (
            <Button type="primary" icon={<PlusOutlined />} loading={create.isPending} onClick={() => create.mutate()}>
              新建一期
            </Button>
          )
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <Select
          aria-label="年度"
          style={{ width: 160 }}
          value={params.year}
          onChange={(year) => setParams({ year })}
          options={[0, 1, 2, 3].map((d) => ({ value: String(thisYear - d), label: `${thisYear - d}年` }))}
        />
      </Flex>
      <TableCard<IssueSummary>
        error={error}
        {...pagedProps({ data, isFetching }, params, setParams)}
        columns={[
          {
            title: '期刊',
            dataIndex: 'title',
            render: (v: string, r) => (
              <Link to={`/opinions/issues/${r.id}`} style={{ fontWeight: 600 }}>
                {v}
              </Link>
            ),
          },
          { title: '信息条数', dataIndex: 'reportCount' },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: string, r) =>
              s === 'issued' ? <Pill tone="green">{formatDate(r.issuedOn)}印发</Pill> : <Pill>编辑中</Pill>,
          },
        ]}
      />
    </>
  );
}
