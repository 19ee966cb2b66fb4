export type { ResultView, SessionResultsView, ScoreImportReport } from '../contract/views';

export interface ScoreSheetIssue {
  row: number;
  column: string;
  message: string;
}
