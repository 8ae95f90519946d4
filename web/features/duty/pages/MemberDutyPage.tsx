import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { thisYear } from '../api.ts';
import { DutyExplanation } from '../components/DutyExplanation.tsx';
import { YearSelect } from '../components/YearSelect.tsx';
import { useMemberDuty } from '../queries.ts';

export function MemberDutyPage() {
  const { id } = useParams();
  const [year, setYear] = useState(thisYear());
  const { data, error } = useMemberDuty(id, year);
  return (
    <>
      <PageHeader
        title={data ? `${data.member.name}的履职` : '委员履职'}
        back
        extra={<YearSelect value={year} onChange={setYear} width={120} />}
      />
      <ErrorAlert error={error} />
      {data && <DutyExplanation page={data} />}
    </>
  );
}
