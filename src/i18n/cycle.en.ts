import type { cycleNl } from './cycle.nl.ts';
import type { Shape } from './nl.ts';

export const cycleEn: Shape<typeof cycleNl> = {
  title: 'Cycles',
  untitled: 'Untitled cycle',
  newTitle: 'New cycle',
  stages: {
    data: 'From data to question',
    question: 'Question and goals',
    design: 'Lesson design',
    teach: 'Teaching and observing',
    debrief: 'Debrief',
    revise: 'Revision',
    impact: 'Impact',
  },
  list: {
    heading: "This team's cycles",
    intro:
      'A cycle starts from data in your classroom and moves through a research question to a research lesson you design, teach and debrief together.',
    empty: 'Your team has no cycle yet.',
    emptyHint:
      'Start your own cycle, or load an example (a maths lesson on comparing fractions, year 4) to look around first.',
    start: 'Start a new cycle',
    loadExample: 'Load an example cycle',
    working: 'Working…',
    lessonsTaught: '{{taught}} of {{total}} research lessons taught',
    lastActivity: 'Last edited {{date}}',
    guestCannotCreate: 'As a guest you can look at cycles, but not start new ones.',
    createFailed: 'The cycle could not be created. Please try again.',
  },
  page: {
    notFound: 'This cycle does not exist (any more), or you have no access to it.',
    backToTeam: 'Back to the team',
    readOnly: 'You are viewing this cycle as a guest: you can read everything but change nothing.',
    removed: 'You are no longer a member of this team. You see the last version on this device.',
    newerVersion:
      'This cycle was made with a newer version of Leskring. Update the app to change it.',
    titleLabel: 'Cycle title',
    subject: 'Subject',
    yearGroup: 'Year group',
    lessonMinutes: 'Lesson length (minutes)',
    stageLabel: 'Stage of the cycle',
    stageCurrent: 'current stage',
    print: 'Print',
    undo: 'Undo',
    redo: 'Redo',
    undoHint: 'Undoes only your own changes (Ctrl+Z).',
    redoHint: 'Redoes your last undone change (Ctrl+Shift+Z).',
    presence: 'In this cycle now',
    presenceSelf: '{{name}} (you)',
    editingHere: '{{name}} is writing here',
    invalidTitle: 'Give the cycle a title of 1 to 120 characters.',
    invalidNumber: 'Enter a number, or leave the field empty.',
    invalidMinutes: 'Enter a whole number of minutes, from 5 to 480.',
  },
  tabs: {
    label: 'Parts of the cycle',
    overview: 'Overview',
    plan: 'Lesson plan',
    pupils: 'Case pupils and predictions',
    versions: 'Versions',
    runs: 'Runs',
    impact: 'Impact',
  },
  rl: {
    label: 'Research lesson',
    short: 'RL{{number}}',
    long: 'Research lesson {{number}}',
  },
  overview: {
    fields: {
      startingData: 'Starting data',
      researchQuestion: 'Research question',
      goals: 'Pupil learning goals',
      rationale: 'Background and rationale',
    },
    hints: {
      startingData:
        'What did you see in test results, observations or pupil work? This is your baseline: the starting point against which you will see change later.',
      researchQuestion:
        'From data to a research question: what does the team want to find out about how the pupils learn? Keep it small and concrete.',
      goals:
        'What should the pupils know or be able to do after the lesson? Phrase the goals so you can see them in the lesson.',
      rationale:
        'Why this question, and why this approach? Name what you know from research, the curriculum or your own experience.',
    },
    editorLoading: 'Loading the text editor…',
    baselines: {
      heading: 'Measurements (optional)',
      hint: 'For example a score on a test beforehand, so you can compare after the cycle.',
      label: 'Description',
      value: 'Value',
      unit: 'Unit',
      add: 'Add a measurement',
      remove: 'Remove measurement',
      removed: 'Measurement removed.',
      none: 'No measurements yet.',
      newLabel: 'Baseline',
    },
  },
  wizard: {
    heading: 'Getting started together',
    intro:
      'Five short steps to begin your cycle. Skip what you do not know yet; you can fill in everything later in the overview.',
    step: 'Step {{current}} of {{total}}',
    next: 'Next',
    back: 'Back',
    skip: 'Skip this step',
    finish: 'Done',
    close: 'Close the guide',
    steps: {
      startingData: 'Starting data',
      researchQuestion: 'Research question',
      goals: 'Learning goals',
      rationale: 'Rationale',
      basics: 'Subject and year group',
    },
    basicsHint:
      'For which subject and year group are you designing the research lesson? Also give the cycle a title the team will recognise.',
  },
  example: {
    loaded: 'The example cycle is loaded. Change anything you like to explore the app.',
  },
  impact: {
    heading: 'Impact of the cycle',
    intro:
      'Close the cycle at four levels: how you experienced it, what you learned, what changed in your teaching and what it gave the pupils.',
    levels: {
      experience: 'How did we experience it?',
      learning: 'What did we learn?',
      practice: 'What changed in our teaching?',
      pupils: "What did it change for the pupils' learning?",
    },
    hints: {
      experience:
        "The teachers' experience of this cycle: what worked in the collaboration, what did not?",
      learning: 'What knowledge or insights about teaching and learning did you gain?',
      practice: 'What do you do differently in your lessons now, also outside the research lesson?',
      pupils: 'What do you see in the pupils? Compare the baseline with a new measurement.',
    },
    measures: 'Baseline and new measurement',
    noMeasures: 'This cycle has no baseline yet. Add one with the starting data (Overview).',
    measure: 'Measure',
    before: 'Baseline',
    after: 'New measurement',
    afterOf: 'New measurement of {{label}}',
    change: 'Difference',
    notANumber: 'Enter a number.',
    saveFailed: 'The measurement could not be saved.',
    next: 'Next cycle',
    noQuestions:
      "No open questions yet. In a debrief, mark a finding as an open question; it becomes the next cycle's research question.",
    startNext: 'Start the next cycle',
    nextTitle: '{{title}}: follow-up',
    nextStarted: 'The next cycle has started, with the open questions as its research question.',
  },
};
