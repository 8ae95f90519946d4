// The printed QR code of a room or studio (an SVG made by our server).
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
