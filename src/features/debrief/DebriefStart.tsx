import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../app/ui/toasts.ts';
import type { DebriefInput } from '../../model/debrief.ts';
import { hasTeamProtocol, protocolMinutes, readTeamProtocol } from '../../model/debriefProtocol.ts';
import { runObservers } from '../../model/eventLog.ts';
import { writeDebriefAll } from '../../sync/commands/debrief.ts';
import { useYSnapshot } from '../../sync/hooks.ts';
import { useSession } from '../../sync/SessionContext.tsx';
import { useDebriefScope } from './debriefScope.ts';
import { ProtocolEditor } from './ProtocolEditor.tsx';
import { stepTitle } from './stepTitle.ts';

/**
 * Before the debrief: the protocol it will run with (the team's own or the
 * default) and starting it. Whoever starts it is the chair; the teacher who
 * taught and the observers of the run get their roles at once.
 */
export function DebriefStart() {
  const { t } = useTranslation();
  const scope = useDebriefScope();
  const team = useSession('team');
  const protocol = useYSnapshot(team.doc, readTeamProtocol) ?? [];
  const own = useYSnapshot(team.doc, hasTeamProtocol) ?? false;
  const [editing, setEditing] = useState(false);

  if (scope.readOnly) return <p className="empty-state">{t('debrief.start.notStarted')}</p>;

  function start() {
    const { run, me, session, runId } = scope;
    const roles: DebriefInput[] = [{ kind: 'role', memberId: me, role: 'chair' }];
    if (run.teacherId && run.teacherId !== me)
      roles.push({ kind: 'role', memberId: run.teacherId, role: 'teacher' });
    const observers = new Set([
      ...run.observers.map((o) => o.memberId),
      ...runObservers(session.doc, runId),
    ]);
    for (const observer of observers)
      if (observer !== me && observer !== run.teacherId)
        roles.push({ kind: 'role', memberId: observer, role: 'observer' });
    const first = protocol[0];
    if (!first) return;
    writeDebriefAll(session, runId, me, [
      { kind: 'protocol', steps: protocol },
      { kind: 'step', stepId: first.id },
      ...roles,
    ]).catch(() => showToast(t('debrief.refused')));
  }

  return (
    <section className="card stack debrief-start" aria-labelledby="debrief-start-heading">
      <h2 id="debrief-start-heading">{t('debrief.start.heading')}</h2>
      <p>{t('debrief.start.intro')}</p>
      <h3 className="small">
        {own ? t('debrief.start.ownProtocol') : t('debrief.start.defaultProtocol')} ·{' '}
        {t('debrief.start.protocol', { minutes: protocolMinutes(protocol) })}
      </h3>
      <ol className="debrief-protocol-preview">
        {protocol.map((step) => (
          <li key={step.id}>
            <span>{stepTitle(t, step)}</span>{' '}
            <span className="muted">{t('debrief.runner.minutes', { count: step.minutes })}</span>
          </li>
        ))}
      </ol>
      <div className="row">
        <button type="button" className="primary" onClick={start} data-testid="debrief-start">
          {t('debrief.start.asChair')}
        </button>
        <button type="button" onClick={() => setEditing(true)} aria-expanded={editing}>
          {t('debrief.start.editProtocol')}
        </button>
      </div>
      {editing && <ProtocolEditor steps={protocol} onClose={() => setEditing(false)} />}
    </section>
  );
}
