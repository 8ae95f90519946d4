// 积分规则 for the committee admin: the year's rule set as a form (categories with caps, items with points and
// conditions, grades, the annual checklist), a ready set to start from, and the version history. Saving makes a new
// version and re-scores everyone; the server's Chinese validation message is shown at the field it names.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Divider, Flex, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../../api/client.ts';
import { ConfirmButton, ErrorAlert, PageHeader, validValues } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { ConductListsCard } from '../components/ConductListsCard.tsx';
import { RuleGeneralCard } from '../components/RuleGeneralCard.tsx';
import { RuleItemsCard } from '../components/RuleItemsCard.tsx';
import { CategoriesCard, ChecklistCard, GradesCard } from '../components/RuleListCards.tsx';
import { RuleVersionsCard } from '../components/RuleVersionsCard.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { dutyKeys, useRulePresets, useRules } from '../queries.ts';

/** The API's rule set → form values (null caps shown as empty boxes). */
function toForm(rules: any) {
  // The 正负面清单 items are kept on their own page (the server puts them back on save): not edited here.
  const listCategory = (k: string) => k === 'positiveList' || k === 'negativeList';
  return {
    ...rules,
    noMax: rules.maxTotal === null,
    categories: rules.categories.filter((c: any) => !listCategory(c.key)),
    items: rules.items
      .filter((i: any) => !listCategory(i.category))
      .map((i: any) => ({ ...i, detail: i.detail ?? {}, roles: i.roles ?? [] })),
  };
}
function fromForm(v: any) {
  const { noMax, ...r } = v;
  return {
    ...r,
    maxTotal: noMax ? null : (r.maxTotal ?? null),
    categories: (r.categories ?? []).map((c: any) => ({ ...c, cap: c.cap ?? null, floor: c.floor ?? null })),
    items: (r.items ?? []).map((i: any) => {
      const detail = Object.fromEntries(Object.entries(i.detail ?? {}).filter(([, x]) => x));
      return {
        category: i.category,
        label: i.label,
        kinds: i.kinds ?? [],
        points: i.points ?? 0,
        ...(i.roles?.length ? { roles: i.roles } : {}),
        ...(Object.keys(detail).length ? { detail } : {}),
        ...(i.multiplyBy ? { multiplyBy: i.multiplyBy } : {}),
        ...(i.skipFirst ? { skipFirst: i.skipFirst } : {}),
      };
    }),
    checklist: r.checklist ?? [],
  };
}

export function RulesPage() {
  const [year, setYear] = useState(thisYear());
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { data, error } = useRules(year);
  const presets = useRulePresets();
  useEffect(() => {
    if (data) form.setFieldsValue(toForm(data.current.rules));
  }, [data, form]);
  const save = useMutation({
    mutationFn: (v: any) =>
      api.put<{ version: { version: number }; rescored: number; changed: number }>('/api/duty/rules', {
        year,
        rules: fromForm(v),
        note: v.note || undefined,
      }),
    onSuccess: (r) => {
      message.success(
        `已保存为第 ${r.version.version} 版，重新计算了 ${r.rescored} 位委员的积分，其中 ${r.changed} 位有变化`,
      );
      qc.invalidateQueries({ queryKey: dutyKeys.all });
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field) {
        const path = err.field
          .replace(/^rules\./, '')
          .split('.')
          .map((x) => (/^\d+$/.test(x) ? Number(x) : x));
        form.setFields([{ name: path, errors: [err.message] }]);
        form.scrollToField(path);
      }
    },
  });
  const v = data?.vocabulary;
  return (
    <>
      <PageHeader
        title="积分规则"
        description="每次保存都会生成新版本，并按新规则重新计算全体委员的积分；委员在“我的履职”中可看到每一项的计分依据。"
        extra={<YearSelect value={year} onChange={setYear} />}
      />
      <ErrorAlert error={error} />
      {data && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          title={`${year} 年现行规则：${data.current.name}（${data.current.year} 年第 ${data.current.version} 版）`}
        />
      )}
      <Card title="从现成规则开始" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          {presets.data?.map((p) => (
            <ConfirmButton
              key={p.key}
              confirm={`载入“${p.title}”？`}
              detail={`${p.description}。载入后需要点“保存”才会生效。`}
              onConfirm={() => form.setFieldsValue(toForm(p.rules))}
            >
              {p.title}
            </ConfirmButton>
          ))}
        </Flex>
      </Card>
      {v && (
        <Form form={form} layout="vertical" onFinish={(x) => save.mutate(x)} scrollToFirstError>
          <RuleGeneralCard />
          <CategoriesCard />
          <RuleItemsCard vocabulary={v} />
          <GradesCard vocabulary={v} />
          <ChecklistCard vocabulary={v} />
          <Card style={{ marginBottom: 16 }}>
            <Form.Item name="note" label="修改说明">
              <Input count={{ show: true, max: 200 }} placeholder="例如：活动分值由 2 分调整为 4 分" />
            </Form.Item>
            <ErrorAlert error={save.error} />
            <ConfirmButton
              type="primary"
              size="large"
              confirm="保存并重新计算全体委员的积分？"
              detail="将生成新版本，旧版本保留可查。"
              onConfirm={async () => {
                if (await validValues(form)) form.submit();
              }}
            >
              保存并重新计分
            </ConfirmButton>
          </Card>
        </Form>
      )}
      <ConductListsCard year={year} manage />
      <Divider />
      <RuleVersionsCard versions={data?.versions} />
    </>
  );
}
