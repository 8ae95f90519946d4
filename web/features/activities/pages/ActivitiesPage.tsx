// 履职活动: the list (members see the ones they are in and the open ones; staff the sign-ins and outputs to review).
import { Tag } from 'antd';
import { useSession } from '../../../app/session.tsx';
import { ErrorAlert, ParamSelect, pagedProps, ResponsiveList, useListParams } from '../../../components/index.ts';
import { EventFilters, EventListHeader } from '../../meetings/components/EventFilters.tsx';
import { eventColumns } from '../../meetings/components/eventColumns.tsx';
import { ACTIVITY_KINDS, activityState, type Item, STATUS } from '../api.ts';
import { useActivities } from '../queries.ts';

const MINE_CHOICES = { '': '全部活动', true: '我参加的' };

export function ActivitiesPage() {
  const { can } = useSession();
  const manage = can('activity.manage');
  const [p, setP] = useListParams({ q: '', kind: '', status: '', mine: '' });
  const { data, error, isFetching } = useActivities(p);
  return (
    <>
      <EventListHeader
        title="履职活动"
        noun="活动"
        newPath="/activities/new"
        manage={manage}
        description={manage ? '组织调研、视察、考察、协商、培训等活动，签到并确认成果。' : '您受邀或可报名参加的活动。'}
      />
      <EventFilters
        noun="活动"
        params={p}
        setParams={setP}
        kinds={ACTIVITY_KINDS}
        states={STATUS}
        kindWidth={170}
        stateWidth={130}
        extraActive={[p.mine]}
      >
        {!manage && (
          <ParamSelect label="范围" width={150} name="mine" params={p} setParams={setP} labels={MINE_CHOICES} />
        )}
      </EventFilters>
      <ErrorAlert error={error} />
      <ResponsiveList<Item>
        {...pagedProps({ data, isFetching }, p, setP)}
        columns={eventColumns<Item>({
          noun: '活动',
          path: '/activities',
          manage,
          state: activityState,
          count: {
            title: '签到 / 名单',
            of: (a) => a.participants,
            waiting: (a) => a.outputsPending,
            waitingLabel: '项成果待确认',
          },
          mine: (a) =>
            a.myCheckedInAt ? (
              <Tag color="#237804">已签到</Tag>
            ) : a.joined ? (
              <Tag color="#0958d9">已报名</Tag>
            ) : a.registration === 'open' ? (
              <Tag>可报名</Tag>
            ) : null,
        })}
      />
    </>
  );
}
