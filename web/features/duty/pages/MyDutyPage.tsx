import { useState } from 'react';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { ConductListsCard } from '../components/ConductListsCard.tsx';
import { DutyExplanation } from '../components/DutyExplanation.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { useMyDuty } from '../queries.ts';

export function MyDutyPage() {
  const [year, setYear] = useState(thisYear());
  const { data, error } = useMyDuty(year);
  return (
    <>
      <PageHeader title="我的履职" extra={<YearSelect value={year} onChange={setYear} width={120} />} />
      <ErrorAlert error={error} />
      {data && <DutyExplanation page={data} />}
      <div style={{ marginTop: 16 }}>
        <ConductListsCard year={year} mine />
      </div>
    </>
  );
}
