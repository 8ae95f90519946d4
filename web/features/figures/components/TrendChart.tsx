// The dashboard's monthly trend (ECharts line chart, tree-shaken): loaded on its own after the numbers are on screen,
// so the figures never wait for the charting library. Follows its container's width, so it fits a phone.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export interface TrendChartProps {
  months: string[];
  series: { name: string; unit: string; data: number[] }[];
  /** What the chart shows, read by screen readers. */
  label: string;
  dark?: boolean;
  height?: number;
}

export default function TrendChart({ months, series, label, dark, height = 300 }: TrendChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const color = dark ? '#e2e8f0' : 'rgba(0,0,0,0.75)';
    const textStyle = { fontSize: dark ? 16 : 14, color };
    chart.setOption({
      // Brighter lines on the 大屏's navy, darker ones on white.
      color: dark
        ? ['#60a5fa', '#fbbf24', '#34d399', '#f87171', '#c4b5fd', '#22d3ee', '#f9a8d4']
        : ['#1d4ed8', '#d97706', '#059669', '#dc2626', '#7c3aed', '#0891b2', '#be185d'],
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0, textStyle, pageTextStyle: { color } },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months, axisLabel: textStyle, boundaryGap: false },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: textStyle,
        splitLine: { lineStyle: { color: dark ? '#334155' : '#e5e7eb' } },
      },
      series: series.map((s) => ({
        name: s.name,
        type: 'line',
        symbolSize: 7,
        data: s.data,
        lineStyle: { width: dark ? 3 : 2 },
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [months, series, dark]);
  const summary = series
    .map((s) => `${s.name}：${s.data.map((v, i) => `${months[i]}${v}${s.unit}`).join('，')}`)
    .join('；');
  return <div ref={ref} role="img" aria-label={`${label}。${summary}`} style={{ width: '100%', height }} />;
}
