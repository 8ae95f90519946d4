// 委员工作室 (public, from the studio's QR code): who runs it, today's reception, and the form to send a micro suggestion.
import { Typography } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PublicFrame } from '../../../components/PublicFrame.tsx';
import type { PublicStudio } from '../api.ts';
import { PublicReception } from '../components/PublicReception.tsx';
import { PublicSubmitForm } from '../components/PublicSubmitForm.tsx';
import { usePublicPage } from '../queries.ts';

export function PublicStudioPage() {
  const { token, query: studio } = usePublicPage<PublicStudio>('studio');
  const s = studio.data;
  return (
    <PublicFrame title={s?.name ?? '委员工作室'}>
      <ErrorAlert error={studio.error} />
      {s && (
        <>
          <Typography.Paragraph>
            {s.kindLabel} {s.place && `· ${s.place}`} {s.leaderName && `· 负责人 ${s.leaderName}`}
          </Typography.Paragraph>
          <PublicSubmitForm kind="studios" token={token} what="我要提微建议" />
          <PublicReception token={token} reception={s.reception} />
        </>
      )}
    </PublicFrame>
  );
}
