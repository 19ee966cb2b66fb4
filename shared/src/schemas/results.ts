export interface ScoreSheetIssue {
  row: number;
  column: string;
  message: string;
}
