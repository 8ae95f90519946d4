// An event's agenda (议程): each part, title, speaker and minutes, in order; nothing when there is none.
import { Card } from 'antd';
import { type AgendaEntry, PART } from '../api.ts';

export function AgendaCard({ agenda }: { agenda: AgendaEntry[] }) {
  if (!agenda.length) return null;
  return (
    <Card title="议程" style={{ marginBottom: 16 }}>
      <ol style={{ paddingLeft: 20, margin: 0 }}>
        {agenda.map((a) => (
          <li key={`${a.part}-${a.title}`}>
            【{PART[a.part]}】{a.title}
            {a.speaker ? `（${a.speaker}）` : ''}
            {a.minutes ? ` ${a.minutes}分钟` : ''}
          </li>
        ))}
      </ol>
    </Card>
  );
}
