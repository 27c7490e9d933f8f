/** Messages between the page and the dossier worker. Files travel as File references. */
export type DossierRequest = DossierBuild | { readonly type: 'render'; readonly language: 'en' | 'es' };

export interface DossierBuild {
  readonly type: 'build';
  readonly files: readonly { readonly file: File; readonly path: string }[];
  readonly language: 'en' | 'es';
  readonly generatedAt: string;
}

export type DossierReply =
  | { readonly type: 'progress'; readonly phase: 'reading' | 'analysing' | 'writing'; readonly file?: string; readonly records: number; readonly points: number }
  | { readonly type: 'done'; readonly language: 'en' | 'es'; readonly html: string; readonly plan: readonly PlanItem[]; readonly records: number; readonly points: number; readonly issues: readonly string[] }
  | { readonly type: 'error'; readonly message: string };

/** One action of the dossier's plan, for the checklist. */
export interface PlanItem {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** Share of the dossier's weight this action removes, 0–100. */
  readonly impact: number;
}
