// 微建议: submit one to a studio, and handle those received — answer, forward to a unit (deadline in working days), or
// turn it into one's own proposal draft; a unit answers what was forwarded to it.
import { PageHeader } from '../../../components/index.ts';
import { SuggestionList } from '../components/SuggestionList.tsx';

export function SuggestionsPage() {
  return (
    <>
      <PageHeader title="微建议" description="群众和委员提交给委员工作室、议事室的微建议。" />
      <SuggestionList />
    </>
  );
}
