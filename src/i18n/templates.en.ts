import type { BuiltInTexts, LevelText } from '../model/builtInTemplates.ts';

/**
 * English texts of the built-in kijkwijzers (structure in
 * src/model/builtInTemplates.ts), following the Dutch source. Written for
 * Leskring; not taken from any published observation instrument.
 */

/** The four levels of the classroom-practice sheet, each with its own descriptor. */
const scale = (
  one: string,
  two: string,
  three: string,
  four: string,
): readonly [LevelText, LevelText, LevelText, LevelText] => [
  { label: 'Not yet', descriptor: one },
  { label: 'Sometimes', descriptor: two },
  { label: 'Often', descriptor: three },
  { label: 'Consistently', descriptor: four },
];

const teams = ['Team 1', 'Team 2', 'Team 3'];
const tapPerTeam = 'Tap the team of the pupil who breaks the rule.';

export const templatesEn: BuiltInTexts = {
  casePupil: {
    name: 'Following case pupils',
    description:
      "Lesson study: for each phase and case pupil, note what you see and whether it matches the team's prediction.",
    sections: { pupil: 'Case pupil', class: 'The whole class' },
    items: {
      seen: {
        label: 'What do you see and hear?',
        description:
          'Describe as literally as you can what the pupil does and says, without judging it.',
      },
      prediction: {
        label: 'Does it match the prediction?',
        levels: [
          {
            label: 'As predicted',
            descriptor: 'The pupil does roughly what the team predicted for this phase.',
          },
          {
            label: 'Better than predicted',
            descriptor: 'The pupil gets further or struggles less than the team expected.',
          },
          {
            label: 'Worse than predicted',
            descriptor:
              'The pupil gets stuck on something the team did not expect, or not in this way.',
          },
          {
            label: 'Not observed',
            descriptor: 'In this phase you could not see how the pupil was doing.',
          },
        ],
      },
      askedForHelp: {
        label: 'Asks a question or asks for help',
        description: 'Tap each time the pupil asks a question or asks for help.',
      },
      quote: {
        label: 'Words or work, verbatim',
        description:
          'Write down what the pupil says or writes; take a photo of the work if useful.',
      },
      classNote: {
        label: 'What stands out in the class?',
        description: 'Notable moments that are not about one case pupil.',
      },
    },
  },
  edi: {
    name: 'EDI observation checklist',
    description:
      'What to look for in each phase of an EDI lesson. Tick what you see the teacher and the class do.',
    sections: {
      lessonGoal: 'Lesson goal',
      activation: 'Activating prior knowledge',
      instruction: 'Instruction',
      guidedPractice: 'Guided practice',
      closing: 'Closing (checking the goal)',
      independentPractice: 'Independent practice',
    },
    items: {
      goalShown: { label: 'The lesson goal is visible on the board or screen' },
      goalExplained: { label: 'The teacher explains in pupil language what the class will learn' },
      goalLinked: { label: 'The teacher says why this goal matters' },
      priorKnowledge: { label: 'The teacher revisits what the pupils need for this lesson' },
      allPupilsAnswer: {
        label: 'All pupils show their answer (mini whiteboard, fingers, thumbs)',
      },
      misconceptions: {
        label: 'Misunderstandings are noticed and corrected before the explanation goes on',
      },
      modelling: { label: 'The teacher demonstrates and thinks aloud' },
      smallSteps: { label: 'The explanation comes in small steps with examples' },
      checkUnderstanding: {
        label: 'The teacher checks understanding with pupils picked at random',
      },
      practiseTogether: { label: 'Pupils practise step by step together with the teacher' },
      feedback: { label: 'Mistakes get focused feedback straight away' },
      successRate: { label: 'Most pupils get it right before they go on independently' },
      goalChecked: { label: 'The teacher checks whether the lesson goal was reached' },
      pupilsExplain: { label: 'Pupils say in their own words what they have learned' },
      sameAsGuided: {
        label: 'The independent tasks match what was demonstrated and practised together',
      },
      extendedInstruction: {
        label: 'Pupils who have not mastered it yet get extended instruction',
      },
      workingQuietly: { label: 'The class works calmly and with concentration' },
    },
  },
  classroomPractice: {
    name: 'Classroom practice observation checklist',
    description:
      'Six domains of classroom practice plus pupil engagement. Rate each item on four levels; each level says what you would see.',
    sections: {
      climate: 'Safe and stimulating climate',
      management: 'Efficient classroom management',
      clearInstruction: 'Clear instruction',
      activating: 'Activating teaching',
      differentiation: 'Differentiation',
      strategies: 'Teaching learning strategies',
      engagement: 'Pupil engagement',
    },
    items: {
      respect: {
        label: 'Relationship with pupils',
        levels: scale(
          'The tone is often curt or negative; what goes well is rarely named.',
          'The teacher is mostly friendly but responds to pupils unevenly.',
          'The teacher is warm and respectful and often names what goes well.',
          'The teacher is warm and respectful to everyone, and pupils treat each other the same way.',
        ),
      },
      safety: {
        label: 'Room to make mistakes',
        levels: scale(
          'Mistakes are disapproved of or ignored; pupils hardly dare to speak.',
          'Mistakes are corrected but rarely used; part of the class dares to join in.',
          'Mistakes are discussed calmly as something to learn from; most pupils join in.',
          'Pupils share their doubts and mistakes unprompted; the teacher turns them into a learning moment for the class.',
        ),
      },
      structure: {
        label: 'Agreements, routines and transitions',
        levels: scale(
          'It is unclear what the agreements are; transitions are messy.',
          'There are agreements, but the teacher does not hold to them consistently.',
          'Routines are known and transitions are mostly smooth.',
          'Pupils follow the routines by themselves; transitions take hardly any time.',
        ),
      },
      learningTime: {
        label: 'Use of lesson time',
        levels: scale(
          'Much time is lost to waiting, searching or keeping order.',
          'The lesson starts or ends untidily, or there are long stretches without a task.',
          'Almost all lesson long there is a clear task and materials are ready.',
          'Lesson time is used in full, also by pupils who finish early.',
        ),
      },
      explanation: {
        label: 'Clarity of the explanation',
        levels: scale(
          'The explanation is hard to follow or jumps from one thing to another.',
          'The explanation can be followed but lacks examples or a clear build-up.',
          'The explanation is built up step by step, with fitting examples.',
          'The explanation is clear and concise, builds on what pupils know and ends with the key point.',
        ),
      },
      understanding: {
        label: 'Checking that pupils understand',
        levels: scale(
          'The teacher does not check whether pupils understand.',
          'The teacher only asks "Is that clear?" or lets a single pupil answer.',
          'The teacher checks understanding with several pupils and explains again where needed.',
          'The teacher sees every pupil’s answer at once and chooses the next step from it.',
        ),
      },
      thinking: {
        label: 'Getting pupils to think',
        levels: scale(
          'Pupils mainly listen; few questions are asked.',
          'Questions are asked, mostly to recall facts, of the same few pupils.',
          'The teacher asks thinking questions and gives time to think before anyone answers.',
          'Pupils explain their thinking, respond to each other and ask questions themselves.',
        ),
      },
      interaction: {
        label: 'Talking together about the subject',
        levels: scale(
          'Pupils get no chance to talk with each other about the subject.',
          'Pupils work together, but without a clear task or roles.',
          'Pupils discuss the subject purposefully in pairs or small groups.',
          'Collaboration is set up with a goal; everyone contributes and the outcome is discussed with the class.',
        ),
      },
      adjusting: {
        label: 'Adjusting tasks and time',
        levels: scale(
          'All pupils get the same, whatever they can already do.',
          'There is some variation, but it does not yet match what pupils need.',
          'Tasks or time are adjusted to differences the teacher knows about.',
          'The teacher adjusts during the lesson to what they see, both for pupils who can do more and for those who can do less.',
        ),
      },
      extraSupport: {
        label: 'Extra help and challenge',
        levels: scale(
          'Pupils who get stuck or finish early sit waiting.',
          'Help comes on request, but without a plan.',
          'There is extended instruction for those who need it and enrichment for those who can go further.',
          'Help and challenge are planned in advance from data and adjusted during the lesson.',
        ),
      },
      howToLearn: {
        label: 'Learning an approach',
        levels: scale(
          'Attention goes only to the right answer, not to the approach.',
          'The teacher sometimes names an approach without demonstrating it.',
          'The teacher demonstrates an approach ("how do you tackle this?") and has pupils apply it.',
          'Pupils choose a fitting approach themselves and can explain why.',
        ),
      },
      reflection: {
        label: 'Looking back on their own learning',
        levels: scale(
          'There is no looking back on how the learning went.',
          'There is a brief look back, mainly at the result.',
          'Pupils say what they have learned and what is still hard.',
          'Pupils judge their work against the lesson goal and decide what they will do differently next time.',
        ),
      },
      involvement: {
        label: 'Taking an active part',
        levels: scale(
          'Many pupils are busy with other things.',
          'About half of the pupils take an active part.',
          'Most pupils take an active part and keep up with the lesson.',
          'Nearly all pupils are actively and attentively at work all lesson long.',
        ),
      },
      persistence: {
        label: 'Persisting when it gets hard',
        levels: scale(
          'Pupils give up as soon as something gets hard.',
          'Some pupils keep trying, others wait for help.',
          'Most pupils first look for a solution themselves before asking for help.',
          'Pupils keep looking, use resources and help each other on.',
        ),
      },
    },
  },
  goodBehaviourGame: {
    name: 'Good Behaviour Game: tally sheet',
    description:
      'Per game round, tally for each team how often an agreed rule is broken. Change the team names to fit your class.',
    sections: { game: 'Game round' },
    items: {
      rulesReviewed: {
        label: 'The rules and the reward were gone through together before the start',
      },
      talking: { label: 'Talking out of turn', description: tapPerTeam, teams },
      outOfSeat: { label: 'Leaving their seat without permission', description: tapPerTeam, teams },
      disturbing: { label: 'Disturbing or distracting others', description: tapPerTeam, teams },
      gameNote: { label: 'Remarks on this round' },
    },
  },
  timeOnTask: {
    name: 'Time on task (interval sampling)',
    description:
      'Every few minutes you look around the class and count how many pupils are working on their task at that moment.',
    sections: { sampling: 'Sample' },
    items: {
      onTask: {
        label: 'Pupils on task',
        description:
          'Count within half a minute. If you are unsure whether a pupil is on task, do not count them.',
        prompt: 'Look around the class: how many pupils are working on their task right now?',
      },
      activity: {
        label: 'What was the class doing?',
        description:
          'For example explanation, practising together, independent work or a transition.',
      },
    },
  },
};
