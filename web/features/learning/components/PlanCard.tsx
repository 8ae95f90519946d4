// This year's plan (else the latest) and the member's classes: what the year's study is about, before the materials.
import { Card, Tag, Typography } from 'antd';
import { beijingYear } from '../../../app/format.ts';
import { ErrorAlert } from '../../../components/index.ts';
import { useClasses, usePlans } from '../queries.ts';

/** This year's plan (else the latest) and the member's classes: what the year's study is about, before the materials. */
export function PlanCard() {
  const plans = usePlans();
  const classes = useClasses();
  const year = beijingYear();
  const plan = plans.data?.find((p) => p.year === year) ?? plans.data?.[0];
  if (!plan && !classes.data?.length) return <ErrorAlert error={plans.error ?? classes.error} />;
  return (
    <Card title={plan ? plan.title : '培训班'} style={{ marginBottom: 16 }}>
      <ErrorAlert error={plans.error ?? classes.error} />
      {plan?.description && <Typography.Paragraph>{plan.description}</Typography.Paragraph>}
      {plan?.themes.map((t) => (
        <div key={`${t.term}-${t.title}`} style={{ marginBottom: 8 }}>
          <Tag color="blue">{t.term}</Tag>
          <Typography.Text strong>{t.title}</Typography.Text>
          {t.description && <div style={{ color: 'rgba(0,0,0,0.65)' }}>{t.description}</div>}
        </div>
      ))}
      {!!classes.data?.length && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            我参加的培训班
          </Typography.Title>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            {classes.data.map((c) => (
              <li key={c.id}>
                {c.title}（{c.year}年，{c.sessionCount} 次课）
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
