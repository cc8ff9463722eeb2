import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { DeviceSaveStatus } from '../../app/DeviceSaveStatus.tsx';
import { CYCLE_SCHEMA_VERSION, updateCycleMeta } from '../../model/cycleDoc.ts';
import type { CycleId, ResearchLessonId } from '../../model/cycleTypes.ts';
import { canEdit } from '../../model/roles.ts';
import { usePresence } from '../../sync/hooks.ts';
import { CycleMetaFields, CycleTitle } from './CycleMetaFields.tsx';
import { CycleTabs, panelId, type TabDef, tabId } from './CycleTabs.tsx';
import { usePurgeDeletedCycles } from './cycleDeletion.ts';
import type { CycleViewProps } from './cycleViewProps.ts';
import { DeleteCycle } from './DeleteCycle.tsx';
import { NewCycleWizard } from './NewCycleWizard.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PresenceAvatars } from './PresenceAvatars.tsx';
import { ResearchLessonSwitcher } from './ResearchLessonSwitcher.tsx';
import { StageStepper } from './StageStepper.tsx';
import { UndoRedo } from './UndoRedo.tsx';
import { CyclePageSessions, cyclePageFallback, useCyclePage } from './useCyclePage.tsx';
import './cycle.css';

// The plan helper's tabs (features/plan) load with the first tab that needs them.
const planModule = () => import('../plan/index.ts');
const PlanTab = lazy(() => planModule().then((m) => ({ default: m.PlanTab })));
const PupilsTab = lazy(() => planModule().then((m) => ({ default: m.PupilsTab })));
const VersionsTab = lazy(() => planModule().then((m) => ({ default: m.VersionsTab })));
const RunsTab = lazy(() => planModule().then((m) => ({ default: m.RunsTab })));
const ImpactTab = lazy(() => import('./ImpactTab.tsx').then((m) => ({ default: m.ImpactTab })));

const TABS = ['overview', 'plan', 'pupils', 'versions', 'runs', 'impact'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (value: string | null): value is TabKey =>
  value !== null && (TABS as readonly string[]).includes(value);

/**
 * One lesson-study cycle (issue 5): header with title, subject, year group,
 * stage and lesson length; the overview, lesson plan, case pupils, versions
 * and runs as tabs; research-lesson switcher, per-user undo/redo, print,
 * presence; read-only for guests.
 */
export default function CyclePage({ teamId, cycleId }: { teamId: string; cycleId: string }) {
  const { t } = useTranslation();
  const state = useCyclePage(teamId, cycleId);
  const { team, member, teamSnapshot, rosterSession, roster } = state;
  usePurgeDeletedCycles(member?.teamId ?? null, rosterSession);
  const { session, cycle, undo, canUndo, canRedo, status, docName } = state;
  const presence = usePresence(member ? docName : null);

  const [location, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const wizard = params.get('start') === '1';
  const tabParam = params.get('tab');
  const tab: TabKey = isTab(tabParam) ? tabParam : 'overview';
  const setTab = (next: TabKey) =>
    navigate(next === 'overview' ? location : `${location}?tab=${next}`, { replace: true });

  const [selectedRl, setSelectedRl] = useState<ResearchLessonId | null>(null);

  const removed = member?.status === 'removed';
  const tooNew = (cycle?.meta.schemaVersion ?? 0) > CYCLE_SCHEMA_VERSION;
  const readOnly = !member || !canEdit(member.role) || removed || tooNew;

  const fallback = cyclePageFallback(state, cycleId);
  if (fallback) return fallback;
  if (!member || status !== 'ready' || !cycle || !session || !docName) {
    return (
      <section className="stack">
        <p>{t('cycle.page.notFound')}</p>
        {team && member ? (
          <Link href={`/teams/${team}`}>{t('cycle.page.backToTeam')}</Link>
        ) : (
          <Link href="/">{t('app.backHome')}</Link>
        )}
      </section>
    );
  }

  const lessons = cycle.researchLessons;
  const rl = lessons.find((each) => each.id === selectedRl) ?? lessons[lessons.length - 1];
  const rlId = rl?.id ?? ('rl1' as ResearchLessonId);

  const viewProps: CycleViewProps = {
    cycle,
    rlId,
    onSelectResearchLesson: setSelectedRl,
    membership: member,
    members: roster?.members ?? [],
    readOnly,
  };
  const overviewProps = { ...viewProps, presence, undo, cycleId };

  const tabs: TabDef<TabKey>[] = TABS.map((id) => ({ id, label: t(`cycle.tabs.${id}`) }));

  return (
    <CyclePageSessions page={state}>
      <div className="cycle-page stack">
        <Link href={`/teams/${member.teamId}`} className="back-link">
          ← {teamSnapshot?.name || member.teamName}
        </Link>
        <header className="cycle-header">
          <div className="cycle-header-top">
            <div className="cycle-header-title">
              <CycleTitle meta={cycle.meta} readOnly={readOnly} />
            </div>
            <DeviceSaveStatus kind="cycle" />
            <PresenceAvatars presence={presence} />
          </div>
          {readOnly && (
            <p className="notice" role="status">
              {tooNew
                ? t('cycle.page.newerVersion')
                : removed
                  ? t('cycle.page.removed')
                  : t('cycle.page.readOnly')}
            </p>
          )}
          {!wizard && (
            <>
              <CycleMetaFields meta={cycle.meta} readOnly={readOnly} />
              <StageStepper
                stage={cycle.meta.stage}
                readOnly={readOnly}
                onChange={(stage) =>
                  void session.change((doc, ctx) => updateCycleMeta(doc, { stage }, ctx))
                }
              />
            </>
          )}
          <div className="cycle-toolbar">
            {!wizard && (
              <ResearchLessonSwitcher
                researchLessons={lessons}
                selected={rlId}
                onSelect={setSelectedRl}
              />
            )}
            <span className="cycle-toolbar-spacer" />
            <UndoRedo undo={undo} canUndo={canUndo} canRedo={canRedo} readOnly={readOnly} />
            <Link
              href={`/teams/${member.teamId}/cycles/${cycleId}/print?rl=${rlId}`}
              className="button-link"
            >
              {t('cycle.page.print')}
            </Link>
          </div>
        </header>

        {wizard && !readOnly ? (
          <NewCycleWizard
            {...overviewProps}
            onClose={() => navigate(location, { replace: true })}
          />
        ) : (
          <>
            <CycleTabs
              label={t('cycle.tabs.label')}
              tabs={tabs}
              selected={tab}
              onSelect={setTab}
              idPrefix="cycle"
            />
            <div
              role="tabpanel"
              id={panelId('cycle', tab)}
              aria-labelledby={tabId('cycle', tab)}
              className="cycle-panel"
            >
              {tab === 'overview' ? (
                <OverviewTab {...overviewProps} />
              ) : (
                <PlanPart tab={tab} props={viewProps} />
              )}
            </div>
          </>
        )}
        {/* Deleting belongs with managing the cycle (the overview), not under every tab's work. */}
        {!wizard && tab === 'overview' && (
          <DeleteCycle membership={member} cycleId={cycleId as CycleId} title={cycle.meta.title} />
        )}
      </div>
    </CyclePageSessions>
  );
}

/** The tab for `tab` other than the overview: the plan helper's (features/plan) or the impact note. */
function PlanPart({ tab, props }: { tab: Exclude<TabKey, 'overview'>; props: CycleViewProps }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      {tab === 'plan' && <PlanTab {...props} />}
      {tab === 'pupils' && <PupilsTab {...props} />}
      {tab === 'versions' && <VersionsTab {...props} />}
      {tab === 'runs' && <RunsTab {...props} />}
      {tab === 'impact' && <ImpactTab {...props} />}
    </Suspense>
  );
}
