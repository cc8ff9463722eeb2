import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addStep,
  defaultProtocol,
  hasTeamProtocol,
  moveStep,
  parseProtocol,
  protocolMinutes,
  readTeamProtocol,
  removeStep,
  resetTeamProtocol,
  saveTeamProtocol,
  updateStep,
} from '../../../src/model/debriefProtocol.ts';

describe('the default protocol', () => {
  it('has the eight lesson-study steps in order, 55 minutes in all, with fixed ids', () => {
    const steps = defaultProtocol();
    expect(steps.map((step) => step.kind)).toEqual([
      'review',
      'opening',
      'teacher',
      'rationale',
      'pupils',
      'patterns',
      'findings',
      'closing',
    ]);
    expect(protocolMinutes(steps)).toBe(55);
    expect(defaultProtocol()).toEqual(steps);
    expect(parseProtocol(steps)).toEqual(steps);
  });
});

describe('editing a protocol', () => {
  it('adds, retitles, times, moves and removes steps', () => {
    let ids = 0;
    const newId = () => `abcdefghjk${String(ids++).padStart(6, '0')}`;
    let steps = addStep(defaultProtocol(), newId, '  Vooruitblik RL2 ');
    const added = steps[steps.length - 1];
    expect(added).toMatchObject({ kind: 'custom', title: 'Vooruitblik RL2', minutes: 5 });
    steps = updateStep(steps, 'step-pupils', { minutes: 20, title: 'Ronde per leerling' });
    expect(steps.find((s) => s.id === 'step-pupils')).toMatchObject({
      minutes: 20,
      title: 'Ronde per leerling',
    });
    steps = moveStep(steps, added?.id ?? '', 0);
    expect(steps[0]?.id).toBe(added?.id);
    steps = moveStep(steps, 'step-closing', 99);
    expect(steps[steps.length - 1]?.id).toBe('step-closing');
    steps = removeStep(steps, 'step-rationale');
    expect(steps.some((s) => s.id === 'step-rationale')).toBe(false);
  });

  it('refuses a protocol without steps, with silly minutes or duplicate ids', () => {
    const one = defaultProtocol().slice(0, 1);
    expect(() => removeStep(one, 'step-review')).toThrow(RangeError);
    expect(() => updateStep(defaultProtocol(), 'step-pupils', { minutes: 0 })).toThrow(RangeError);
    expect(() => updateStep(defaultProtocol(), 'step-pupils', { minutes: 2.5 })).toThrow(
      RangeError,
    );
    const steps = defaultProtocol();
    expect(parseProtocol([...steps, ...steps.slice(0, 1)])).toBeNull();
    expect(parseProtocol('steps')).toBeNull();
    expect(parseProtocol([{ id: 'x', kind: 'dance', title: '', minutes: 5 }])).toBeNull();
  });
});

describe("the team's own protocol", () => {
  it('is the default until the team saves one, and again after a reset', () => {
    const team = new Y.Doc();
    expect(hasTeamProtocol(team)).toBe(false);
    expect(readTeamProtocol(team)).toEqual(defaultProtocol());
    const own = updateStep(defaultProtocol(), 'step-review', { minutes: 10 });
    saveTeamProtocol(team, own);
    expect(hasTeamProtocol(team)).toBe(true);
    expect(readTeamProtocol(team)).toEqual(own);
    resetTeamProtocol(team);
    expect(readTeamProtocol(team)).toEqual(defaultProtocol());
  });

  it('reads a malformed protocol a peer wrote as the default', () => {
    const team = new Y.Doc();
    team.getMap('debriefProtocol').set('steps', [{ id: 1 }]);
    expect(readTeamProtocol(team)).toEqual(defaultProtocol());
    expect(() => saveTeamProtocol(team, [])).toThrow(RangeError);
  });
});
