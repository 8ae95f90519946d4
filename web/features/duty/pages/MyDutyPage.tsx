// 我的履职: the member's own score and how it comes about.
import { Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { thisYear, yearOptions } from '../api.ts';
import { ConductListsCard } from '../components/ConductListsCard.tsx';
import { DutyExplanation } from '../components/DutyExplanation.tsx';
import { useMyDuty } from '../queries.ts';

export function MyDutyPage() {
  const [year, setYear] = useState(thisYear());
  const { data, error } = useMyDuty(year);
  return (
    <>
      <PageHeader
        title="我的履职"
        extra={
          <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 120 }} />
        }
      />
      <ErrorAlert error={error} />
      {data && <DutyExplanation page={data} />}
      <div style={{ marginTop: 16 }}>
        <ConductListsCard year={year} mine />
      </div>
    </>
  );
}
