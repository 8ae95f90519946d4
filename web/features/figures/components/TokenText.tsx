// The report editor's paragraph: the text around the numbers is editable, each number is a token ({{module.figure}})
// shown as a tag with its value and its definition on hover — one piece the caret cannot enter, deleted whole or kept
// whole, so a number in the report always stays linked to the registry.
import { useEffect, useRef } from 'react';
import { type FigureValue, formatNumber } from '../api.ts';

const TOKEN = /\{\{([a-zA-Z]+\.[a-zA-Z]+)\}\}/g;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const TAG_STYLE =
  'display:inline-block;margin:0 2px;padding:0 6px;border-radius:4px;border:1px solid #adc6ff;background:#f0f5ff;' +
  'color:#1d39c4;font-weight:600;line-height:1.6;text-indent:0;cursor:help;user-select:all';
const MISSING_STYLE = TAG_STYLE.replace('#adc6ff', '#ffa39e')
  .replace('#f0f5ff', '#fff1f0')
  .replace('#1d39c4', '#a8071a');

/** The token's tag: its value (or why there is none) shown, the definition as the hover title. */
export function tokenHtml(id: string, values: FigureValue[]): string {
  const v = values.find((x) => x.id === id);
  const shown = !v ? '未知指标' : v.value === null ? '需整年统计' : formatNumber(v.value);
  const title = v ? `${v.name}：${v.definition}` : '该指标不存在或无权查看';
  return `<span contenteditable="false" data-token="${escapeHtml(id)}" title="${escapeHtml(title)}" style="${
    v && v.value !== null ? TAG_STYLE : MISSING_STYLE
  }">${escapeHtml(shown)}</span>`;
}

export const toHtml = (text: string, values: FigureValue[]) =>
  text
    .split(TOKEN)
    .map((part, i) => (i % 2 ? tokenHtml(part, values) : escapeHtml(part)))
    .join('');

/** Back from the edited DOM to text with tokens; line breaks typed in a paragraph are dropped (one paragraph each). */
export function fromDom(el: HTMLElement): string {
  let out = '';
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) out += node.textContent ?? '';
    else if (node instanceof HTMLElement) out += node.dataset.token ? `{{${node.dataset.token}}}` : fromDom(node);
  }
  return out.replace(/\n/g, '');
}

export interface TokenTextProps {
  text: string;
  values: FigureValue[];
  onChange: (text: string) => void;
  label: string;
}

export function TokenText({ text, values, onChange, label }: TokenTextProps) {
  const ref = useRef<HTMLDivElement>(null);
  // Drawn from the text when the values change (a recheck) or the text is replaced; typing keeps the DOM as it is.
  useEffect(() => {
    const el = ref.current;
    if (!el || (document.activeElement === el && fromDom(el) === text)) return;
    el.innerHTML = toHtml(text, values);
  }, [text, values]);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a rich paragraph with non-editable number tags cannot be a textarea.
    <div
      ref={ref}
      role="textbox"
      aria-multiline="true"
      aria-label={label}
      tabIndex={0}
      contentEditable
      suppressContentEditableWarning
      onInput={(e) => onChange(fromDom(e.currentTarget))}
      style={{
        minHeight: 80,
        padding: '10px 12px',
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        fontSize: 16,
        lineHeight: 2,
        textIndent: '2em',
        background: '#fff',
        outline: 'none',
        whiteSpace: 'pre-wrap',
        wordBreak: 'break-word',
      }}
    />
  );
}
