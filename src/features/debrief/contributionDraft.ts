import { createContext, useContext } from 'react';
import type { EvidenceRef } from '../../model/debrief.ts';

/**
 * The evidence of the contribution being written in the current step, shared
 * so the data a step shows (a cell of the matrix) can start a contribution.
 */
export type ContributionDraft = {
  readonly evidence: readonly EvidenceRef[];
  readonly setEvidence: (next: EvidenceRef[]) => void;
  /** Adds one piece and puts the writer in the contribution's text. */
  readonly cite: (ref: EvidenceRef) => void;
};

export const ContributionDraftContext = createContext<ContributionDraft | null>(null);

export function useContributionDraft(): ContributionDraft | null {
  return useContext(ContributionDraftContext);
}
