// Shared components for every feature page; import from '../../components/index.ts'.
export { AttachmentUpload } from './AttachmentUpload.tsx';
export { CardList } from './CardList.tsx';
export { ConfirmButton, type ConfirmButtonProps } from './ConfirmButton.tsx';
export { DataTable, type DataTableProps, type PagedData } from './DataTable.tsx';
export { ErrorAlert, errorMessage } from './ErrorAlert.tsx';
export { ExportButton, type ExportButtonProps } from './ExportButton.tsx';
export { countActive, FilterBar, type FilterBarProps } from './FilterBar.tsx';
export { NetworkBanner } from './NetworkBanner.tsx';
export { isConnectionError, LoadFailed, PageBoundary } from './PageBoundary.tsx';
export { PageHeader, type PageHeaderProps, usePageTitle } from './PageHeader.tsx';
export { type EngineAction, PriorStep } from './PriorStep.tsx';
export { PublicFrame } from './PublicFrame.tsx';
export { ColumnCard, ResponsiveList, type ResponsiveListProps } from './ResponsiveList.tsx';
export { UnitSelect } from './UnitSelect.tsx';
export { draftKey, type FormDraft, useFormDraft, useTextDraft } from './useDraft.tsx';
export { type ListParams, useListParams } from './useListParams.ts';
export { type WorkflowAction, WorkflowActions } from './WorkflowActions.tsx';
export { type WorkflowStep, WorkflowTimeline } from './WorkflowTimeline.tsx';
