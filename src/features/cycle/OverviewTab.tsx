import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CYCLE_TEXT_FIELDS } from '../../model/cycleTypes.ts';
import type { PresenceEntry } from '../../sync/presence.ts';
import { Baselines } from './Baselines.tsx';
import type { CycleViewProps } from './cycleViewProps.ts';
import { RichTextField } from './RichTextField.tsx';

export type OverviewTabProps = CycleViewProps & {
  readonly awareness: Awareness | null;
  readonly presence: readonly PresenceEntry[];
  readonly undo: Y.UndoManager | null;
};

/** The cycle's starting data (with measurements), research question, goals and rationale. */
export function OverviewTab({
  doc,
  docName,
  cycle,
  ctx,
  readOnly,
  awareness,
  presence,
  undo,
}: OverviewTabProps) {
  return (
    <div className="overview">
      {CYCLE_TEXT_FIELDS.map((field) => (
        <div key={field} className="card overview-field">
          <RichTextField
            doc={doc}
            docName={docName}
            field={field}
            awareness={awareness}
            presence={presence}
            readOnly={readOnly}
          />
          {field === 'startingData' && (
            <Baselines
              doc={doc}
              baselines={cycle.meta.baselines}
              ctx={ctx}
              undo={undo}
              readOnly={readOnly}
            />
          )}
        </div>
      ))}
    </div>
  );
}
