/** Types of action/report.mjs for the tests (the script itself is plain JavaScript, run by the action without a build). */
export interface CheckDiagnostic {
  file: string | null;
  line: number | null;
  column: number | null;
  field: string | null;
  code: string;
  severity: "error" | "warning";
  message: string;
  found: string | null;
  expected: string | null;
  hint: string | null;
}
export interface PathOptions {
  prefix?: string;
  workspace?: string;
}
export function escapeData(text: string): string;
export function escapeProperty(text: string): string;
export function repositoryPath(file: string, options?: PathOptions): string;
export function annotation(diagnostic: CheckDiagnostic, options?: PathOptions): string;
export function readReport(report: unknown, options?: PathOptions): { annotations: string[]; outputs: { errors: number; warnings: number; status: string }; summary: string };
