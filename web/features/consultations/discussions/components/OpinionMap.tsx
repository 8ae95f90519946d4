// The opinion map (意见地图): an ECharts scatter of participants by group (nobody named to participants; staff see names
// in the tooltip), each group's size and distinguishing statements, consensus and divisive statements. Lazy-loaded.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, List, Progress, Tag, Typography } from 'antd';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../../../api/client.ts';
import { formatDateTime } from '../../../../app/format.ts';
import { ErrorAlert, errorMessage } from '../../../../components/index.ts';
import { TAG } from '../../../../components/tagColors.ts';
import type { MapView } from '../api.ts';
import { discussionKeys } from '../queries.ts';

echarts.use([ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

// Dark enough for text on white (WCAG AA 4.5:1): the group headings are written in their colour.
const COLORS = ['#0958d9', '#ad2102', '#237804', '#531dab', '#874d00'];
const pct = (x: number) => `${Math.round(x * 100)}%`;

function Scatter({ map }: { map: MapView }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption({
      color: COLORS,
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: false },
      legend: { top: 0, textStyle: { fontSize: 14 } },
      tooltip: { formatter: (p: any) => (p.data[2] ? p.data[2] : p.data[3] ? '我' : `第${p.seriesIndex + 1}组`) },
      xAxis: { show: false, scale: true },
      yAxis: { show: false, scale: true },
      series: map.groups.map((g) => ({
        type: 'scatter',
        name: `第${g.group + 1}组（${g.size}人）`,
        symbolSize: (d: any[]) => (d[3] ? 16 : 9),
        data: map.points.filter((p) => p.group === g.group).map((p) => [p.x, p.y, p.name, p.me]),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [map]);
  return (
    <div ref={ref} role="img" aria-label={`意见地图：${map.k}组参与者的分布`} style={{ width: '100%', height: 300 }} />
  );
}

/** Staff ask for the map now; the page re-reads it every 2 s until a newer one is stored (the live stream also tells). */
function RefreshButton({ id, onAsked }: { id: number; onAsked: (at: number) => void }) {
  const { message } = App.useApp();
  const ask = useMutation({
    mutationFn: () => api.post(`/api/discussions/${id}/map/refresh`, {}),
    onSuccess: () => {
      message.success('正在更新意见地图，完成后自动显示');
      onAsked(Date.now());
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  return (
    <Button loading={ask.isPending} onClick={() => ask.mutate()} style={{ marginBottom: 12 }}>
      立即更新意见地图
    </Button>
  );
}

export default function OpinionMap({ id, manage = false }: { id: number; manage?: boolean }) {
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const { data, error } = useQuery({
    queryKey: discussionKeys.map(id),
    queryFn: () => api.get<MapView>(`/api/discussions/${id}/map`),
    refetchInterval: (q) => {
      const at = q.state.data?.computedAt;
      // A little slack for the difference between the server's clock and this device's.
      return askedAt && (!at || Date.parse(at) < askedAt - 5_000) ? 2_000 : false;
    },
  });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  const refresh = manage && <RefreshButton id={id} onAsked={setAskedAt} />;
  if (!data.computedAt || data.k < 2)
    return (
      <>
        {refresh}
        <Empty description="表态的人还不多，意见地图稍后生成（每人表态 3 条以上才参与分组）。" />
      </>
    );
  return (
    <>
      {refresh}
      <Typography.Paragraph type="secondary">
        {data.participants} 人参与表态，其中 {data.clustered} 人表态较多，按表态相似程度分为 {data.k} 组。更新于{' '}
        {formatDateTime(data.computedAt)}。地图上的点不显示任何人的身份
        {data.points.some((p) => p.me) ? '，较大的点是您' : ''}。
      </Typography.Paragraph>
      <Scatter map={data} />
      {data.groups.map((g) => (
        <Card
          key={g.group}
          size="small"
          style={{ marginTop: 12 }}
          title={
            <span style={{ color: COLORS[g.group] }}>
              第{g.group + 1}组 · {g.size}人
            </span>
          }
        >
          <List
            size="small"
            dataSource={g.distinctive.slice(0, 3)}
            locale={{ emptyText: '没有明显区别于其他组的观点' }}
            renderItem={(x) => (
              <List.Item>
                <div style={{ width: '100%' }}>
                  {x.body}
                  <div style={{ color: '#595959', fontSize: 14 }}>
                    组内赞同 {pct(x.agreeIn)}，组外 {pct(x.agreeOut)}
                  </div>
                </div>
              </List.Item>
            )}
          />
        </Card>
      ))}
      <Card size="small" style={{ marginTop: 12 }} title="共识：各组多数赞同">
        {data.consensus.length ? (
          data.consensus.map((c) => (
            <div key={c.statementId} style={{ marginBottom: 8 }}>
              <Tag color={TAG.green}>共识</Tag>
              {c.body}
              <Progress
                percent={Math.round(c.minAgree * 100)}
                size="small"
                aria-label={`最低赞同 ${Math.round(c.minAgree * 100)}%`}
                format={(p) => `最低赞同 ${p}%`}
              />
            </div>
          ))
        ) : (
          <Alert type="info" title="暂未形成各组都赞同的观点" />
        )}
      </Card>
      <Card size="small" style={{ marginTop: 12 }} title="分歧：各组看法差异较大">
        {data.divisive.length ? (
          data.divisive.slice(0, 5).map((c) => (
            <div key={c.statementId} style={{ marginBottom: 8 }}>
              <Tag color={TAG.orange}>分歧</Tag>
              {c.body}
              <div style={{ color: '#595959', fontSize: 14 }}>
                各组赞同：{c.shares.map((s, i) => `第${i + 1}组 ${pct(s)}`).join('，')}
              </div>
            </div>
          ))
        ) : (
          <Alert type="info" title="暂无明显分歧" />
        )}
      </Card>
    </>
  );
}
