// 新建报告: staff pick the period (a year, half-year or quarter) and the sections; the platform writes each section's
// statistical paragraph from the registry; staff edit the text around the numbers (the numbers stay tags linked to
// their figures), check the numbers again against today's data, and export — the report keeps the exported values.
import { CheckCircleOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client.ts';
import { beijingYear } from '../../../app/format.ts';
import { choices, ErrorAlert, errorMessage, PageHeader } from '../../../components/index.ts';
import { TokenText } from '../components/TokenText.tsx';
import { useComposedSections, useFigures } from '../queries.ts';

const YEARS = Array.from({ length: 5 }, (_, i) => beijingYear() - i);
const PARTS = choices({
  '': '全年',
  '-H1': '上半年',
  '-H2': '下半年',
  '-Q1': '第一季度',
  '-Q2': '第二季度',
  '-Q3': '第三季度',
  '-Q4': '第四季度',
});
const NUMERALS = '一二三四五六七八九十';
const TOKEN = /\{\{([a-zA-Z]+\.[a-zA-Z]+)\}\}/g;

interface Section {
  module: string;
  heading: string;
  text: string;
}

/** The body the server keeps: 「一、协商议政」 headings (黑体 in Word) and each section's paragraph. */
const bodyOf = (sections: Section[]) =>
  sections.map((s, i) => `${NUMERALS[i] ?? i + 1}、${s.heading}\n${s.text}`).join('\n');

export function ReportBuilderPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [year, setYear] = useState(beijingYear());
  const [part, setPart] = useState('');
  const period = `${year}${part}`;
  const partLabel = PARTS.find((p) => p.value === part)!.label;
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [sections, setSections] = useState<Section[] | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const figures = useFigures(period);
  const all = useComposedSections(period);
  const values = figures.data?.items ?? [];
  // A section whose figures are kept by year cannot be written for a part of a year: offered but disabled, with why.
  const yearOnly = (module: string) => values.some((v) => v.module === module && v.value === null);
  const options = (all.data?.sections ?? []).map((s) => ({
    value: s.module,
    label: yearOnly(s.module) ? `${s.heading}（按年度统计，请选择全年）` : s.heading,
    disabled: yearOnly(s.module),
  }));
  const picked = chosen ?? options.filter((o) => !o.disabled).map((o) => o.value);
  const defaultTitle = part ? `${year}年${partLabel}工作总结` : `${year}年度工作报告`;

  const tokens = useMemo(
    () => [...new Set((sections ?? []).flatMap((s) => [...s.text.matchAll(TOKEN)].map((m) => m[1])))],
    [sections],
  );
  const problems = tokens.flatMap((id) => {
    const v = values.find((x) => x.id === id);
    if (!v) return [`「${id}」不是平台的统计指标，请删除`];
    return v.value === null ? [`「${v.name}」${v.note ?? '没有数值'}`] : [];
  });

  const recheck = async () => {
    const r = await figures.refetch();
    if (r.error) return message.error(errorMessage(r.error));
    setChecked(new Date().toLocaleTimeString('zh-CN', { hour12: false }));
  };
  const exportReport = useMutation({
    mutationFn: () =>
      api.post<{ id: number }>('/api/figures/reports', {
        title: title.trim() || defaultTitle,
        period,
        body: bodyOf(sections ?? []),
      }),
    onSuccess: (r) => {
      message.success('报告已导出，数字已按导出时的数据保存');
      navigate(`/figures/reports/${r.id}`);
    },
  });

  if (!sections) {
    return (
      <>
        <PageHeader
          title="新建报告"
          back="/figures/reports"
          description="选择统计期间和章节，平台按数据写出各章节的统计段落。"
        />
        <Card>
          <Form layout="vertical" style={{ maxWidth: 640 }}>
            <Form.Item label="统计期间" required>
              <Space wrap>
                <Select
                  aria-label="年度"
                  style={{ width: 120 }}
                  value={year}
                  onChange={(v) => {
                    setYear(v);
                    setChosen(null);
                  }}
                  options={YEARS.map((y) => ({ value: y, label: `${y}年` }))}
                />
                <Select
                  aria-label="期间"
                  style={{ width: 140 }}
                  value={part}
                  onChange={(v) => {
                    setPart(v);
                    setChosen(null);
                  }}
                  options={PARTS}
                />
              </Space>
            </Form.Item>
            <Form.Item label="报告标题" htmlFor="report-title">
              <Input
                id="report-title"
                value={title}
                placeholder={defaultTitle}
                onChange={(e) => setTitle(e.target.value)}
                count={{ show: true, max: 100 }}
              />
            </Form.Item>
            <Form.Item label="章节">
              <ErrorAlert error={all.error ?? figures.error} />
              <Checkbox.Group
                aria-label="章节"
                style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
                value={picked}
                onChange={(v) => setChosen(v as string[])}
                options={options}
              />
            </Form.Item>
            <Button
              type="primary"
              size="large"
              disabled={!picked.length || !all.data || !figures.data}
              onClick={() =>
                setSections(
                  (all.data?.sections ?? [])
                    .filter((s) => picked.includes(s.module))
                    .map((s) => ({ module: s.module, heading: s.heading, text: s.text })),
                )
              }
            >
              生成报告
            </Button>
          </Form>
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={title.trim() || defaultTitle}
        description={`统计期间：${year}年${part ? partLabel : ''}。蓝色标签是平台统计的数字，不能直接修改；鼠标移上可看统计口径。其余文字可以修改。`}
        back
        extra={
          <Button onClick={() => setSections(null)} aria-label="重新选择期间和章节">
            重新选择
          </Button>
        }
      />
      {sections.map((s, i) => (
        <Card key={s.module} style={{ marginBottom: 12 }}>
          <Input
            aria-label={`第${i + 1}章标题`}
            value={s.heading}
            onChange={(e) => setSections(sections.map((x, j) => (j === i ? { ...x, heading: e.target.value } : x)))}
            prefix={<span style={{ fontWeight: 600 }}>{NUMERALS[i]}、</span>}
            style={{ fontFamily: '黑体, SimHei, sans-serif', fontSize: 17, marginBottom: 8 }}
          />
          <TokenText
            label={`「${s.heading}」正文`}
            text={s.text}
            values={values}
            onChange={(text) => setSections((prev) => prev!.map((x, j) => (j === i ? { ...x, text } : x)))}
          />
        </Card>
      ))}
      <Card>
        <Flex vertical gap={12}>
          {problems.length > 0 ? (
            <Alert type="error" showIcon message="以下数字不能导出" description={problems.join('；')} />
          ) : checked ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              message={`已于${checked}按最新数据核对全部 ${tokens.length} 个数字`}
            />
          ) : (
            <Typography.Text>导出前请核对数字：平台会按最新数据重新计算报告中的每个数字。</Typography.Text>
          )}
          <ErrorAlert error={exportReport.error} />
          <Space wrap>
            <Button icon={<ReloadOutlined />} size="large" loading={figures.isFetching} onClick={recheck}>
              核对数字
            </Button>
            <Button
              type="primary"
              size="large"
              icon={<SendOutlined />}
              disabled={!checked || problems.length > 0}
              loading={exportReport.isPending}
              onClick={() => exportReport.mutate()}
            >
              导出报告
            </Button>
          </Space>
        </Flex>
      </Card>
    </>
  );
}
