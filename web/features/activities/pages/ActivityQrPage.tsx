// The activity's check-in QR code on a full screen for the venue.
import { useParams } from 'react-router-dom';
import { usePageTitle } from '../../../components/index.ts';
import { QrScreen } from '../../meetings/shared.tsx';

export function ActivityQrPage() {
  const { id } = useParams();
  usePageTitle('活动签到二维码');
  return <QrScreen codeUrl={`/api/activities/${id}/checkin-code`} backTo={`/activities/${id}`} />;
}
