// 交办的协商成果 (handling units, beside their proposals and referred reports): the outcomes handed to this unit, with
// the feedback deadline; the feedback itself is given on the outcome's page.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, qs } from '../../../../api/client.ts';
import { CardList, ErrorAlert, PageHeader, pagedProps, useListParams } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import type { OutcomeListItem } from '../api.ts';
import { outcomeKeys } from '../queries.ts';

export function UnitOutcomesPage() {
  const [params, setParams] = useListParams({}, 10);
  const { data, error, isFetching } = useQuery({
    queryKey: outcomeKeys.unit(params),
    queryFn: () => api.get<{ items: OutcomeListItem[]; total: number }>(`/api/consultation-outcomes/unit${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title="交办的协商成果" description="政协交办本单位的协商成果。请签收后在期限内反馈采纳落实情况。" />
      <ErrorAlert error={error} />
      <CardList
        {...pagedProps({ data, isFetching }, params, setParams)}
        emptyText="暂无交办的协商成果"
        renderCard={(o) => (
          <Card style={{ width: '100%' }}>
            <Link to={`/consultations/outcomes/${o.id}`} style={{ fontSize: 18 }}>
              {o.title}
            </Link>
            <div style={{ marginTop: 8 }}>
              <Tag>{o.kind}</Tag>
              {o.fedBackCount < o.unitCount ? <Tag color="blue">待反馈</Tag> : <Tag color={TAG.green}>已反馈</Tag>}
              {o.overdueCount > 0 && <Tag color="red">已超期</Tag>}
              {o.round > 1 && <Tag>回头看</Tag>}
            </div>
            {o.submittedOn && <Typography.Text type="secondary">{o.submittedOn} 报送</Typography.Text>}
          </Card>
        )}
      />
    </>
  );
}
