import type { CycleSnapshot, ResearchLessonId } from '../../model/cycleTypes.ts';
import type { TeamMember } from '../../model/roster.ts';
import type { LocalMembership } from '../../sync/device.ts';

/**
 * What the cycle page hands to each of its tabs (features/cycle renders the
 * page; features/plan renders the plan, pupils, versions and runs tabs). The
 * cycle's document itself comes from the session in context (useSession('cycle')).
 */
export type CycleViewProps = {
  readonly cycle: CycleSnapshot;
  /** The research lesson being viewed (RL1, RL2, RL3). */
  readonly rlId: ResearchLessonId;
  readonly onSelectResearchLesson: (id: ResearchLessonId) => void;
  readonly membership: LocalMembership;
  /** The team's current members (the roster), to pick teachers and observers from. */
  readonly members: readonly TeamMember[];
  /** Guests, removed members, and documents written by a newer app version are read-only. */
  readonly readOnly: boolean;
};
