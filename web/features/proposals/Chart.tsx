// A small ECharts wrapper (bar and pie only, tree-shaken): the chart follows its container's width, so it fits a phone.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { EmptyText } from '../../components/EmptyText.tsx';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface ChartProps {
  kind: 'bar' | 'pie';
  data: { name: string; value: number }[];
  /** What the chart shows, read by screen readers. */
  label: string;
  height?: number;
  horizontal?: boolean;
}

export function Chart({ kind, data, label, height = 300, horizontal }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const textStyle = { fontSize: 14 };
    chart.setOption(
      kind === 'pie'
        ? {
            tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
            legend: { bottom: 0, textStyle },
            series: [
              {
                type: 'pie',
                radius: ['35%', '65%'],
                center: ['50%', '45%'],
                data,
                label: { formatter: '{b}\n{c}', fontSize: 14 },
              },
            ],
          }
        : {
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
            [horizontal ? 'yAxis' : 'xAxis']: {
              type: 'category',
              data: data.map((d) => d.name),
              axisLabel: { ...textStyle, interval: 0, rotate: horizontal ? 0 : data.length > 6 ? 30 : 0 },
              inverse: horizontal,
            },
            [horizontal ? 'xAxis' : 'yAxis']: { type: 'value', minInterval: 1, axisLabel: textStyle },
            series: [
              {
                type: 'bar',
                data: data.map((d) => d.value),
                itemStyle: { color: '#1d4ed8' },
                label: { show: true, position: horizontal ? 'right' : 'top' },
              },
            ],
          },
    );
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [kind, data, horizontal]);
  const summary = data.map((d) => `${d.name} ${d.value}`).join('，');
  if (!data.some((d) => d.value > 0))
    return (
      <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <EmptyText />
      </div>
    );
  return <div ref={ref} role="img" aria-label={`${label}：${summary}`} style={{ width: '100%', height }} />;
}
