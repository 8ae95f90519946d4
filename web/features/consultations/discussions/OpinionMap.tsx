// The opinion map (意见地图): an ECharts scatter of participants by group (nobody named to participants; staff see names
// in the tooltip), each group's size and distinguishing statements, consensus and divisive statements. Lazy-loaded.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Progress, Tag, Typography } from 'antd';
import { ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { api } from '../../../api/client.ts';
import { formatDateTime } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { TAG } from '../../../components/tagColors.ts';
import { keys, type MapView } from './api.ts';

echarts.use([ScatterChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const COLORS = ['#1677ff', '#d4380d', '#389e0d', '#722ed1', '#d48806'];
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

export default function OpinionMap({ id }: { id: number }) {
  const { data, error } = useQuery({
    queryKey: keys.map(id),
    queryFn: () => api.get<MapView>(`/api/discussions/${id}/map`),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return null;
  if (!data.computedAt || data.k < 2)
    return <Empty description="表态的人还不多，意见地图稍后生成（每人表态 3 条以上才参与分组）。" />;
  return (
    <>
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
              <Progress percent={Math.round(c.minAgree * 100)} size="small" format={(p) => `最低赞同 ${p}%`} />
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
