// /meetings/:id/qr: the meeting's check-in QR code on a full screen for the venue.
import { useParams } from 'react-router-dom';
import { usePageTitle } from '../../../components/index.ts';
import { QrScreen } from '../shared.tsx';

export function MeetingQrPage() {
  const { id } = useParams();
  usePageTitle('会场签到二维码');
  return <QrScreen codeUrl={`/api/meetings/${id}/checkin-code`} backTo={`/meetings/${id}`} />;
}
