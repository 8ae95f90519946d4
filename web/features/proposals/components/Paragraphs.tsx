// A long text (案据, 建议, a reply) as indented paragraphs in large type.
import { Typography } from 'antd';

export const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text
      .split(/\n+/)
      .filter((p) => p.trim())
      .map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
        <Typography.Paragraph key={i} style={{ fontSize: 17, lineHeight: 1.9, textIndent: '2em' }}>
          {p}
        </Typography.Paragraph>
      ))}
  </>
);
