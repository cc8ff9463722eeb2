import type * as Y from 'yjs';
import { CYCLE_TEXT_FIELDS } from '../../model/cycleTypes.ts';
import type { PresenceEntry } from '../../sync/presence.ts';
import { Baselines } from './Baselines.tsx';
import { CycleExchange } from './CycleExchange.tsx';
import { CycleMeetings } from './CycleMeetings.tsx';
import type { CycleViewProps } from './cycleViewProps.ts';
import { RichTextField } from './RichTextField.tsx';

export type OverviewTabProps = CycleViewProps & {
  readonly presence: readonly PresenceEntry[];
  readonly undo: Y.UndoManager | null;
  readonly cycleId: string;
};

/** The cycle's starting data (with measurements), research question, goals, rationale and the team's meetings. */
export function OverviewTab({
  cycle,
  readOnly,
  presence,
  undo,
  membership,
  members,
  cycleId,
}: OverviewTabProps) {
  return (
    <div className="overview">
      {CYCLE_TEXT_FIELDS.map((field) => (
        <div key={field} className="card overview-field">
          <RichTextField field={field} presence={presence} readOnly={readOnly} />
          {field === 'startingData' && (
            <Baselines baselines={cycle.meta.baselines} undo={undo} readOnly={readOnly} />
          )}
        </div>
      ))}
      <CycleMeetings me={membership.memberId} members={members} readOnly={readOnly} />
      <CycleExchange
        title={cycle.meta.title}
        reportHref={`/teams/${membership.teamId}/cycles/${cycleId}/report`}
      />
    </div>
  );
}
