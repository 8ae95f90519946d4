// A reply box under an item (not an antd Form) whose text is kept as a local draft until the server saved it: the
// text area bound to useTextDraft, with its counter. What grassroots' 办理情况, 答复 and 不予受理理由 boxes share.
// const reply = useDraftBox(`grassroots-feedback:${id}`);
// {reply.box({ label: '办理情况', placeholder: '办理情况', max: 4000 })} … { feedback: reply.text } … onSuccess: reply.clear()
import { Input } from 'antd';
import { useTextDraft } from './useDraft.tsx';

/** How one box shows: `label` its aria-label (zh_CN), `max` the most characters (a counter; none when left out). */
export interface DraftBoxProps {
  label: string;
  placeholder?: string;
  max?: number;
  rows?: number;
}

/**
 * `item`: the draft's key as useTextDraft takes it (null: nothing kept). Returns the text, clear() (call it once the
 * server saved the text), and box(props), the text area to render (every box of one hook shares the one text).
 */
export function useDraftBox(item: string | null) {
  const [text, setText, clear] = useTextDraft(item);
  const box = ({ label, placeholder, max, rows }: DraftBoxProps) => (
    <Input.TextArea
      aria-label={label}
      placeholder={placeholder}
      rows={rows}
      value={text}
      onChange={(e) => setText(e.target.value)}
      count={max === undefined ? undefined : { show: true, max }}
    />
  );
  return { text, clear, box };
}
