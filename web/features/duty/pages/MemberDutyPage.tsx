// One member's score for staff (from the score table).
import { Select } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { ErrorAlert, PageHeader } from '../../../components/index.ts';
import { thisYear, yearOptions } from '../api.ts';
import { DutyExplanation } from '../components/DutyExplanation.tsx';
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
        extra={
          <Select aria-label="年度" value={year} onChange={setYear} options={yearOptions()} style={{ width: 120 }} />
        }
      />
      <ErrorAlert error={error} />
      {data && <DutyExplanation page={data} />}
    </>
  );
}
