// Pieces the grassroots pages share: the printed QR code (server-made SVG) and the handling-unit picker.
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../../api/client.ts';

export function QrCode({ svg, label }: { svg: string; label: string }) {
  return (
    <div
      role="img"
      aria-label={label}
      style={{ width: 'min(60vw, 220px)' }}
      // The SVG comes from our own server (qrcode package), not from user input.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: trusted server-generated SVG
      dangerouslySetInnerHTML={{ __html: svg.replace('<svg', '<svg width="100%" height="100%"') }}
    />
  );
}

export function UnitSelect({ value, onChange, id }: { value?: number; onChange?: (v: number) => void; id?: string }) {
  const units = useQuery({
    queryKey: ['org', 'units', 'pick'],
    meta: { background: true },
    queryFn: () => api.get<{ items: { id: number; name: string }[] }>('/api/org/units?pageSize=500'),
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      optionFilterProp="label"
      placeholder="选择承办单位"
      options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
