import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGoal,
  initCoachDoc,
  initSharedTrackDoc,
  isTrackDoc,
  readHeldConversations,
  readPreparation,
  readTrack,
  setGoalStatus,
  setReflection,
  shareConversation,
  type TrackParties,
  trackContents,
  updatePreparation,
} from '../../../src/model/coaching.ts';
import {
  checkLastStep,
  coacheeLessons,
  focusedTemplate,
  itemTrends,
  linkedMeasures,
  planTrackRun,
  proposals,
  trackActivities,
} from '../../../src/model/coachingInsights.ts';
import { readCycle } from '../../../src/model/cycleDoc.ts';
import type { CycleId, CycleSummary, RunId, RunMeasures } from '../../../src/model/cycleTypes.ts';
import type { ObservationEvent } from '../../../src/model/eventLog.ts';
import type { MemberId } from '../../../src/model/ids.ts';
import { readRunTemplate } from '../../../src/model/runTemplate.ts';
import type { SchoolYear } from '../../../src/model/schoolYear.ts';
import {
  coachingInYear,
  putTrackActivities,
  readTeamCoaching,
  removeTrackActivities,
} from '../../../src/model/teamCoaching.ts';
import type { Template, TemplateId } from '../../../src/model/templates.ts';
import { newCycle, testCtx } from './cycleTestUtils.ts';

const COACH = 'kcach00000000000' as MemberId;
const COACHEE = 'kcachee000000000' as MemberId;
const PARTIES: TrackParties = {
  trackId: 'track00000000001',
  coachId: COACH,
  coacheeId: COACHEE,
  createdAt: '2026-09-01T08:00:00.000Z',
};

function docs() {
  const ctx = testCtx();
  const shared = new Y.Doc();
  const coach = new Y.Doc();
  initSharedTrackDoc(shared, PARTIES, ctx);
  initCoachDoc(coach, PARTIES.trackId, ctx);
  return { ctx, shared, coach };
}

const measures = (runId: string, date: string, items: Array<[string, number]>): RunMeasures => ({
  runId: runId as RunId,
  rl: 1,
  date,
  items: items.map(([label, value]) => ({
    key: `rating:${label.toLowerCase()}`,
    label,
    kind: 'rating',
    value,
  })),
});

describe('the shared track document', () => {
  it('is a cycle-shaped document marked with the parties, unlike a cycle', () => {
    const { shared } = docs();
    expect(isTrackDoc(shared)).toBe(true);
    expect(isTrackDoc(newCycle())).toBe(false);
    expect(readTrack(shared).parties).toEqual(PARTIES);
    expect(readCycle(shared).researchLessons).toHaveLength(1);
  });

  it('keeps the coachee’s reflection and goals, validated', () => {
    const { shared, ctx } = docs();
    setReflection(shared, 'conv1', '  Ik ga wachttijd oefenen ', ctx);
    const goal = addGoal(shared, { text: 'Meer leerlingen aan het woord', by: COACHEE }, ctx);
    setGoalStatus(shared, goal, 'agreed', ctx);
    const track = readTrack(shared);
    expect(track.reflections.get('conv1')?.text).toBe('Ik ga wachttijd oefenen');
    expect(track.goals).toEqual([
      expect.objectContaining({ id: goal, status: 'agreed', proposedBy: COACHEE }),
    ]);
    expect(() => addGoal(shared, { text: '  ', by: COACHEE }, ctx)).toThrow(RangeError);
    expect(() => setGoalStatus(shared, 'nope', 'reached', ctx)).toThrow(RangeError);
    shared.getMap('goals').set('broken', { text: 42 });
    expect(readTrack(shared).goals).toHaveLength(1);
  });
});

describe('preparing and sharing a conversation', () => {
  it('shares only the summary; notes, questions and evidence stay in the coach’s document', () => {
    const { shared, coach, ctx } = docs();
    updatePreparation(
      coach,
      {
        strengths: [{ text: 'Heldere start', moment: { runId: 'r1', t: 60_000 } }],
        growth: 'Wachttijd na een vraag',
        how: 'Tel tot vijf bij de instructie',
        questions: ['Wat zag jij bij Leerling A?'],
        notes: 'Leek onzeker over de groep',
        nextFocus: ['rating:betrokkenheid'],
        followUp: '2026-11-01',
      },
      ctx,
    );
    expect(() =>
      shareConversation(shared, coach, { date: '2026-10-15', focusLabels: new Map() }, ctx),
    ).toThrow('agree on one step first');
    updatePreparation(coach, { agreedStep: 'Na elke vraag vijf tellen wachten' }, ctx);
    const id = shareConversation(
      shared,
      coach,
      { date: '2026-10-15', focusLabels: new Map([['rating:betrokkenheid', 'Betrokkenheid']]) },
      ctx,
    );
    const [conversation] = readTrack(shared).conversations;
    expect(conversation).toMatchObject({
      id,
      date: '2026-10-15',
      strengths: ['Heldere start'],
      growth: 'Wachttijd na een vraag',
      agreedStep: 'Na elke vraag vijf tellen wachten',
      nextFocus: ['Betrokkenheid'],
      followUp: '2026-11-01',
    });
    const sharedText = JSON.stringify(shared.toJSON());
    expect(sharedText).not.toContain('onzeker');
    expect(sharedText).not.toContain('Leerling A');
    expect(sharedText).not.toContain('60000');
    expect(readHeldConversations(coach)).toEqual([
      expect.objectContaining({ id, notes: 'Leek onzeker over de groep', date: '2026-10-15' }),
    ]);
    // The coachee's download holds what both see; only the coach's holds the notes.
    expect(JSON.stringify(trackContents(shared, null))).not.toContain('onzeker');
    expect(trackContents(shared, coach).held?.[0]?.notes).toBe('Leek onzeker over de groep');
    // A fresh preparation that keeps the agreed focus.
    expect(readPreparation(coach)).toMatchObject({
      notes: '',
      nextFocus: ['rating:betrokkenheid'],
    });
  });

  it('refuses more than two strengths or three questions', () => {
    const { coach, ctx } = docs();
    const strength = { text: 'x', moment: null };
    expect(() =>
      updatePreparation(coach, { strengths: [strength, strength, strength] }, ctx),
    ).toThrow(RangeError);
    expect(() => updatePreparation(coach, { questions: ['a', 'b', 'c', 'd'] }, ctx)).toThrow(
      RangeError,
    );
    expect(readPreparation(coach).strengths).toEqual([]);
  });
});

describe('trends, proposals and the last step', () => {
  const runs = [
    measures('r2', '2026-10-20', [
      ['Betrokkenheid', 3.5],
      ['Wachttijd', 2],
    ]),
    measures('r1', '2026-10-01', [
      ['Betrokkenheid', 2.5],
      ['Wachttijd', 3],
    ]),
    measures('r3', '2026-10-25', [['Taakgericht', 4]]),
  ];

  it('follows each item over the runs, oldest first, with the last change', () => {
    const trends = itemTrends(runs);
    expect(
      trends.map((trend) => [trend.label, trend.points.map((p) => p.value), trend.change]),
    ).toEqual([
      ['Betrokkenheid', [2.5, 3.5], 1],
      ['Taakgericht', [4], null],
      ['Wachttijd', [3, 2], -1],
    ]);
  });

  it('proposes items that improved or fell and the busiest moments, never overlapping', () => {
    const tally = (t: number): ObservationEvent => ({
      id: `e${t}`,
      observer: COACH,
      seq: 0,
      t,
      at: '',
      phaseId: null,
      kind: 'tally',
    });
    const minute = 60_000;
    const events = [0.1, 0.2, 0.3, 0.4, 1, 10, 10.5, 11, 30].map((m) => tally(m * minute));
    const found = proposals(itemTrends(runs), { runId: 'r2', events });
    expect(found).toEqual([
      { kind: 'improved', key: 'rating:betrokkenheid', label: 'Betrokkenheid', change: 1 },
      { kind: 'fell', key: 'rating:wachttijd', label: 'Wachttijd', change: -1 },
      { kind: 'busy-moment', runId: 'r2', t: 0.1 * minute, tallies: 5 },
      { kind: 'busy-moment', runId: 'r2', t: 10 * minute, tallies: 3 },
    ]);
    expect(proposals([], { runId: 'r2', events: events.slice(0, 2) })).toEqual([]);
  });

  it('says whether the last agreed step shows in the focused items', () => {
    const conversation = {
      id: 'c1',
      date: '2026-10-10',
      minutes: 45,
      strengths: [],
      growth: '',
      how: '',
      agreedStep: 'Wachten',
      nextFocus: ['betrokkenheid'],
      followUp: '',
      sharedAt: '',
    };
    expect(checkLastStep([], itemTrends(runs))).toBeNull();
    expect(checkLastStep([conversation], itemTrends(runs))).toMatchObject({
      verdict: 'shows',
      items: [{ label: 'Betrokkenheid', before: 2.5, after: 3.5 }],
    });
    const onWachttijd = { ...conversation, nextFocus: ['Wachttijd'] };
    expect(checkLastStep([onWachttijd], itemTrends(runs))?.verdict).toBe('not-yet');
    const later = { ...conversation, date: '2026-10-30' };
    expect(checkLastStep([later], itemTrends(runs))?.verdict).toBe('no-data');
  });
});

describe('the track’s hours and the next observation', () => {
  it('counts conversations and observed lessons up to today as coaching for both', () => {
    const conversation = { date: '2026-10-15', minutes: 45 };
    const activities = trackActivities(
      PARTIES,
      [{ ...conversation } as never],
      [
        { date: '2026-10-01', minutes: 50 },
        { date: '2026-12-01', minutes: 50 },
        { date: '', minutes: 50 },
      ],
      '2026-11-01',
    );
    expect(activities).toEqual([
      { kind: 'coaching', date: '2026-10-15', minutes: 45, memberIds: [COACH, COACHEE] },
      { kind: 'coaching', date: '2026-10-01', minutes: 50, memberIds: [COACH, COACHEE] },
    ]);
  });

  it('keeps only counts and hours in the team document', () => {
    const team = new Y.Doc();
    expect(readTeamCoaching(team)).toMatchObject({ tracks: 0, activities: [] });
    const activities = trackActivities(
      PARTIES,
      [],
      [
        { date: '2026-10-01', minutes: 50 },
        { date: '2026-07-01', minutes: 40 },
      ],
      '2026-11-01',
    );
    putTrackActivities(team, PARTIES.trackId, activities);
    const coaching = readTeamCoaching(team);
    expect(coaching).toMatchObject({ tracks: 1, activities });
    expect(JSON.stringify(team.toJSON())).not.toMatch(/conversation|goal|note/i);
    expect(coachingInYear(coaching, '2026-2027' as SchoolYear)).toEqual({ tracks: 1, minutes: 50 });
    expect(coachingInYear(coaching, '2025-2026' as SchoolYear)).toEqual({ tracks: 1, minutes: 40 });
    expect(coachingInYear(coaching, '2024-2025' as SchoolYear)).toEqual({ tracks: 0, minutes: 0 });
    removeTrackActivities(team, PARTIES.trackId);
    expect(readTeamCoaching(team).tracks).toBe(0);
  });

  it('plans the next observation with a short kijkwijzer of the focused items', () => {
    const { shared, ctx } = docs();
    const template: Template = {
      id: 'tpl0000000000001' as TemplateId,
      version: 3,
      name: 'Kijkwijzer',
      description: '',
      builtIn: null,
      createdAt: '',
      createdBy: null,
      sections: [
        {
          id: 's1',
          title: 'Klas',
          items: [
            { id: 'a', kind: 'rating', scope: 'class', label: 'Betrokkenheid' },
            { id: 'b', kind: 'tally', scope: 'class', label: 'Vraagt om hulp' },
          ],
        },
        {
          id: 's2',
          title: 'Leraar',
          items: [{ id: 'c', kind: 'check', scope: 'teacher', label: 'Wacht' }],
        },
      ],
    };
    const focused = focusedTemplate(template, new Set(['rating:betrokkenheid']), 'Focus', ctx);
    expect(focused?.sections).toEqual([
      {
        id: 's1',
        title: 'Klas',
        items: [{ id: 'a', kind: 'rating', scope: 'class', label: 'Betrokkenheid' }],
      },
    ]);
    expect(focusedTemplate(template, new Set(['rating:niets']), 'Focus', ctx)).toBeNull();
    const runId = planTrackRun(
      shared,
      { date: '2026-11-01', coacheeId: COACHEE, template: focused },
      ctx,
    );
    const run = readCycle(shared).runs.find((each) => each.id === runId);
    expect(run?.teacherId).toBe(COACHEE);
    expect(readRunTemplate(shared, runId)?.name).toBe('Focus');
  });
});

describe('lessons of the team’s cycles in the track', () => {
  const summary = (cycleId: string, title: string): CycleSummary => ({
    cycleId: cycleId as CycleId,
    title,
    stage: 'teach',
    researchLessons: 1,
    runsTaught: 2,
    lastActivityAt: '',
    createdAt: '',
    lessonsTaught: 1,
    lessonMinutes: 50,
    baselines: [],
    activities: [
      { kind: 'taught', date: '2026-10-01', minutes: 50, memberIds: [COACHEE], runId: 'run1' },
      { kind: 'taught', date: '2026-10-08', minutes: 50, memberIds: [COACH], runId: 'run2' },
      { kind: 'taught', date: '2026-10-15', minutes: 50, memberIds: [COACHEE] }, // written before runIds
      { kind: 'observed', date: '2026-10-01', minutes: 50, memberIds: [COACHEE] },
    ],
    measures: [
      measures('run1', '2026-10-01', [['Betrokkenheid', 3]]),
      measures('run2', '2026-10-08', [['Betrokkenheid', 1]]),
    ],
  });

  it('offers the lessons the coachee taught, and counts only the linked ones in the trend', () => {
    const summaries = [summary('cyc0000000000001', 'Breuken')];
    expect(coacheeLessons(summaries, COACHEE, [])).toEqual([
      {
        cycleId: 'cyc0000000000001',
        title: 'Breuken',
        runId: 'run1',
        date: '2026-10-01',
        linked: false,
        measured: true,
      },
    ]);
    const links = [{ cycleId: 'cyc0000000000001', runId: 'run1' }];
    expect(coacheeLessons(summaries, COACHEE, links)[0]?.linked).toBe(true);
    expect(linkedMeasures(summaries, links).map((m) => m.runId)).toEqual(['run1']);
    expect(linkedMeasures(summaries, [])).toEqual([]);
  });
});
