import type { ModelContext } from './cycleTypes.ts';
import type { LessonTemplatePhaseKey } from './lessonTemplates.ts';
import {
  type ItemKind,
  type ItemScope,
  RATING_VALUES,
  type Template,
  type TemplateId,
  type TemplateItem,
  TemplateValidationError,
  validateTemplate,
} from './templates.ts';

/**
 * The built-in kijkwijzers (issue 6 point 1): structure only (keys, kinds,
 * scopes, interval minutes, number of teams). Their texts, written by this
 * project and never copied from a published instrument, live per language
 * in src/i18n/templates.nl.ts and templates.en.ts, typed by BuiltInTexts.
 */
type ItemDef = {
  readonly key: string;
  readonly kind: ItemKind;
  readonly scope: ItemScope;
  readonly intervalMinutes?: number;
};
type SectionDef = {
  readonly key: string;
  readonly phaseKey?: LessonTemplatePhaseKey;
  readonly items: readonly ItemDef[];
};

const check = <K extends string>(key: K, scope: ItemScope = 'teacher') =>
  ({ key, kind: 'check', scope }) as const;
const rating = <K extends string>(key: K, scope: ItemScope = 'class') =>
  ({ key, kind: 'rating', scope }) as const;

export const BUILT_IN_TEMPLATES = {
  /** (a) Lesson study: per case pupil, what was seen and whether it matched the prediction. */
  casePupil: {
    sections: [
      {
        key: 'pupil',
        items: [
          { key: 'seen', kind: 'note', scope: 'casePupil' },
          rating('prediction', 'casePupil'),
          { key: 'askedForHelp', kind: 'tally', scope: 'casePupil' },
          { key: 'quote', kind: 'note', scope: 'casePupil' },
        ],
      },
      { key: 'class', items: [{ key: 'classNote', kind: 'note', scope: 'class' }] },
    ],
  },
  /** (b) EDI: look-fors per EDI phase (phase keys of lessonTemplates.ts). */
  edi: {
    sections: [
      {
        key: 'lessonGoal',
        phaseKey: 'lessonGoal',
        items: [check('goalShown'), check('goalExplained'), check('goalLinked')],
      },
      {
        key: 'activation',
        phaseKey: 'activation',
        items: [check('priorKnowledge'), check('allPupilsAnswer'), check('misconceptions')],
      },
      {
        key: 'instruction',
        phaseKey: 'instruction',
        items: [check('modelling'), check('smallSteps'), check('checkUnderstanding')],
      },
      {
        key: 'guidedPractice',
        phaseKey: 'guidedPractice',
        items: [check('practiseTogether'), check('feedback'), check('successRate')],
      },
      {
        key: 'closing',
        phaseKey: 'closing',
        items: [check('goalChecked'), check('pupilsExplain')],
      },
      {
        key: 'independentPractice',
        phaseKey: 'independentPractice',
        items: [
          check('sameAsGuided'),
          check('extendedInstruction'),
          check('workingQuietly', 'class'),
        ],
      },
    ],
  },
  /** (c) Classroom practice: six domains plus pupil engagement, each item rated 1–4. */
  classroomPractice: {
    sections: [
      { key: 'climate', items: [rating('respect', 'teacher'), rating('safety', 'teacher')] },
      {
        key: 'management',
        items: [rating('structure', 'teacher'), rating('learningTime', 'teacher')],
      },
      {
        key: 'clearInstruction',
        items: [rating('explanation', 'teacher'), rating('understanding', 'teacher')],
      },
      {
        key: 'activating',
        items: [rating('thinking', 'teacher'), rating('interaction', 'teacher')],
      },
      {
        key: 'differentiation',
        items: [rating('adjusting', 'teacher'), rating('extraSupport', 'teacher')],
      },
      {
        key: 'strategies',
        items: [rating('howToLearn', 'teacher'), rating('reflection', 'teacher')],
      },
      { key: 'engagement', items: [rating('involvement'), rating('persistence')] },
    ],
  },
  /** (d) Good Behaviour Game: rule breaks per team, counted per game interval. */
  goodBehaviourGame: {
    sections: [
      {
        key: 'game',
        items: [
          check('rulesReviewed'),
          { key: 'talking', kind: 'tally', scope: 'class' },
          { key: 'outOfSeat', kind: 'tally', scope: 'class' },
          { key: 'disturbing', kind: 'tally', scope: 'class' },
          { key: 'gameNote', kind: 'note', scope: 'class' },
        ],
      },
    ],
  },
  /** (e) Time on task: every N minutes, how many pupils are on task. */
  timeOnTask: {
    sections: [
      {
        key: 'sampling',
        items: [
          { key: 'onTask', kind: 'interval', scope: 'class', intervalMinutes: 5 },
          { key: 'activity', kind: 'note', scope: 'class' },
        ],
      },
    ],
  },
} as const satisfies Record<string, { readonly sections: readonly SectionDef[] }>;

export type BuiltInTemplateKey = keyof typeof BUILT_IN_TEMPLATES;
export const BUILT_IN_TEMPLATE_KEYS = Object.keys(BUILT_IN_TEMPLATES) as BuiltInTemplateKey[];

type Def<K extends BuiltInTemplateKey> = (typeof BUILT_IN_TEMPLATES)[K];
type SectionKey<K extends BuiltInTemplateKey> = Def<K>['sections'][number]['key'];
type ItemKey<K extends BuiltInTemplateKey> = Def<K>['sections'][number]['items'][number]['key'];

export type LevelText = { readonly label: string; readonly descriptor: string };

/** The words of one item; `levels` for ratings, `prompt` for intervals, `teams` for tallies. */
export type BuiltInItemText = {
  readonly label: string;
  readonly description?: string;
  readonly levels?: readonly [LevelText, LevelText, LevelText, LevelText];
  readonly prompt?: string;
  readonly teams?: readonly string[];
};

/** The texts of every built-in template in one language (src/i18n/templates.<lang>.ts). */
export type BuiltInTexts = {
  readonly [K in BuiltInTemplateKey]: {
    readonly name: string;
    readonly description: string;
    readonly sections: Readonly<Record<SectionKey<K>, string>>;
    readonly items: Readonly<Record<ItemKey<K>, BuiltInItemText>>;
  };
};

/**
 * A built-in template in one language as a Template value (version 1, new
 * ids, `builtIn` = its key), ready for createTemplate or a run. Throws
 * TemplateValidationError if the texts leave a rule broken (e.g. a rating
 * without its four levels).
 */
export function instantiateBuiltIn(
  key: BuiltInTemplateKey,
  texts: BuiltInTexts,
  ctx: Pick<ModelContext, 'newId' | 'now'>,
): Template {
  const def: { readonly sections: readonly SectionDef[] } = BUILT_IN_TEMPLATES[key];
  const words: {
    name: string;
    description: string;
    sections: Readonly<Record<string, string>>;
    items: Readonly<Record<string, BuiltInItemText>>;
  } = texts[key];
  const template: Template = {
    id: ctx.newId() as TemplateId,
    version: 1,
    name: words.name,
    description: words.description,
    builtIn: key,
    createdAt: ctx.now(),
    createdBy: null,
    sections: def.sections.map((section) => ({
      id: ctx.newId(),
      title: words.sections[section.key] ?? section.key,
      ...(section.phaseKey === undefined ? {} : { phaseKey: section.phaseKey }),
      items: section.items.map((item) => itemFrom(item, words.items[item.key], ctx.newId())),
    })),
  };
  const issues = validateTemplate(template);
  if (issues.length > 0) throw new TemplateValidationError(issues);
  return template;
}

function itemFrom(def: ItemDef, text: BuiltInItemText | undefined, id: string): TemplateItem {
  const base = { id, kind: def.kind, scope: def.scope, label: text?.label ?? def.key };
  const description = text?.description === undefined ? {} : { description: text.description };
  switch (def.kind) {
    case 'rating':
      return {
        ...base,
        ...description,
        levels: RATING_VALUES.map((value, i) => ({
          value,
          label: text?.levels?.[i]?.label ?? '',
          descriptor: text?.levels?.[i]?.descriptor ?? '',
        })),
      };
    case 'interval':
      return {
        ...base,
        ...description,
        intervalMinutes: def.intervalMinutes ?? 5,
        prompt: text?.prompt ?? '',
      };
    case 'tally':
      return text?.teams === undefined
        ? { ...base, ...description }
        : { ...base, ...description, teams: text.teams };
    default:
      return { ...base, ...description };
  }
}
