import type * as Y from 'yjs';
import { initCycleDoc, readCycle, summarizeCycle } from '../../model/cycleDoc.ts';
import type { CycleId, CycleSummary, ModelContext } from '../../model/cycleTypes.ts';
import { teamScopedDocName } from '../../model/docName.ts';
import { type MemberId, newDocId, newId, type TeamId } from '../../model/ids.ts';
import { putCycleSummary } from '../../model/teamDoc.ts';
import { editDocLocally } from '../../sync/openDoc.ts';

export type NewCycle = {
  readonly teamId: TeamId;
  readonly memberId: MemberId;
  readonly title: string;
  /** Extra content written right after initCycleDoc in the same session (the example cycle). */
  readonly fill?: (doc: Y.Doc, ctx: ModelContext) => void;
};

/**
 * Creates a cycle document on this device (stored in IndexedDB before it
 * resolves, synced once the page opens it) and lists it in the team
 * document. Returns the new cycle's id.
 */
export async function createCycle(teamDoc: Y.Doc, input: NewCycle): Promise<CycleId> {
  const cycleId = newDocId();
  const ctx: ModelContext = {
    now: () => new Date().toISOString(),
    newId,
    origin: { kind: 'user', action: 'create-cycle' },
  };
  const out: { summary: CycleSummary | null } = { summary: null };
  await editDocLocally(teamScopedDocName(input.teamId, cycleId), (doc) => {
    initCycleDoc(
      doc,
      { title: input.title, subject: '', yearGroup: '', createdBy: input.memberId },
      ctx,
    );
    input.fill?.(doc, ctx);
    out.summary = summarizeCycle(cycleId, readCycle(doc), ctx.now());
  });
  if (out.summary) putCycleSummary(teamDoc, out.summary, ctx.origin);
  return cycleId;
}
