// A member's 学习 page: the year's study plan (themes by term) and his training classes, published materials with his
// progress on each, and his reflections with their state.

import { PageHeader } from '../../../components/index.ts';
import { MaterialsCard } from '../components/MaterialsCard.tsx';
import { PlanCard } from '../components/PlanCard.tsx';
import { ReflectionsCard } from '../components/ReflectionsCard.tsx';

export function StudyPage() {
  return (
    <>
      <PageHeader title="委员学习" description="学习计划、培训班、学习资料、学习进度和学习心得。" />
      <PlanCard />
      <MaterialsCard />
      <ReflectionsCard />
    </>
  );
}
