import type { ExampleCycleContent } from '../model/exampleCycle.ts';

/**
 * The example cycle in English (issue 5 point 8): a maths research lesson on
 * comparing fractions with a class of 9–10 year olds. Loaded on demand.
 */
export const exampleCycleEn: ExampleCycleContent = {
  title: 'Example: comparing fractions in year 4',
  subject: 'Maths',
  yearGroup: 'Year 4 (groep 6)',
  lessonMinutes: 50,
  baseline: { label: 'Baseline: fraction comparison items correct', value: 48, unit: '%' },
  texts: {
    startingData: [
      'On the end-of-unit test the class got 48% of the items on comparing fractions right on average. Items such as "which is larger, 1/3 or 1/5?" went wrong most often.',
      'Pupil work showed the same reasoning again and again: "5 is more than 3, so 1/5 is larger." Marking and short conversations showed that many pupils read the denominator as an ordinary whole number.',
    ],
    researchQuestion: [
      'How does working with paper strips and a number line help pupils of this age compare unit fractions (such as 1/3 and 1/5) correctly and explain their choice?',
    ],
    goals: [
      'By the end of the lesson pupils can compare two unit fractions and explain which is larger, using a drawing or a strip.',
      'Pupils can put into words that dividing a whole into more equal parts gives smaller parts.',
    ],
    rationale: [
      'Pupils often carry their knowledge of whole numbers over to fractions ("a bigger number is more"). Research on teaching fractions shows that seeing a fraction both as part of a whole and as a place on the number line helps to overcome this misconception.',
      'We choose explicit direct instruction (EDI) with frequent checks for understanding, so that we can see in each phase what the case pupils do and do not understand.',
    ],
  },
  phases: [
    {
      title: 'Lesson goal',
      minutes: 2,
      teacherActions:
        'States the lesson goal and writes it on the board: "I can compare two fractions and explain which one is larger."',
      pupilActivities: 'Read the goal aloud together and say it in their own words to a partner.',
      observerFocus: 'Can the case pupils repeat the goal in their own words?',
    },
    {
      title: 'Activating prior knowledge',
      minutes: 5,
      teacherActions:
        'Shows one pizza cut into 2 equal slices and one cut into 4. Asks: "From which pizza do you get the bigger slice?"',
      pupilActivities:
        'Think alone first, then talk briefly with a partner and hold up their mini whiteboards.',
      observerFocus: 'Which words do pupils use (half, quarter, part, piece)?',
    },
    {
      title: 'Instruction',
      minutes: 10,
      teacherActions:
        'Folds strips of equal length into 3 and into 5 equal parts and lays them one below the other. Thinks aloud: "The more parts, the smaller each part." Places 1/3 and 1/5 on the number line.',
      pupilActivities: 'Fold their own strips along with the teacher and colour one part.',
      observerFocus:
        'Do pupils really fold equal parts? Do they look at the length of the part or at the number?',
    },
    {
      title: 'Guided practice',
      minutes: 10,
      teacherActions:
        'Gives three pairs of unit fractions (1/4 and 1/6, 1/2 and 1/8, 1/10 and 1/3). Pupils choose and hold up their whiteboards; the teacher asks random pupils to explain.',
      pupilActivities:
        'Compare the pairs with strips or a drawing and write the answer with < or >.',
      observerFocus:
        'Do the case pupils use the strip, or choose by the number? Who explains, and how?',
    },
    {
      title: 'Closing (checking the goal)',
      minutes: 3,
      teacherActions:
        'Asks the exit question: "Which is larger, 1/7 or 1/9? Explain in one sentence." Quickly checks all answers.',
      pupilActivities: 'Write their answer and explanation on a card and hand it in.',
      observerFocus: 'What do the case pupils write on their exit card?',
    },
    {
      title: 'Independent practice',
      minutes: 20,
      teacherActions:
        'Gives extended instruction at the small-group table to the pupils who got the exit question wrong.',
      pupilActivities:
        'Work on textbook exercises; pupils who finish invent fraction pairs for a partner.',
      observerFocus: 'Which strategy do pupils use once the strip is no longer on the table?',
    },
  ],
  casePupils: [
    {
      pseudonym: 'Pupil A',
      profile: 'Strong in maths, works fast, does not like explaining how she got an answer.',
      predictions: [
        'Repeats the goal easily.',
        'Knows at once that the half pizza slice is bigger.',
        'Understands the folding quickly and may work ahead.',
        'Gets every pair right, but writes only the answer without an explanation.',
        'Right answer; the explanation stays short ("because it is").',
        'Done within ten minutes; can take on the extension task.',
      ],
    },
    {
      pseudonym: 'Pupil B',
      profile:
        'Average in maths, joins in well when things are concrete, hesitates with abstract items.',
      predictions: [
        'Can repeat the goal with help from a partner.',
        'Gives the right answer after talking with a partner.',
        'Folds neatly along; needs the strip to see it.',
        'Right on 1/2 and 1/8, hesitates on 1/10 and 1/3.',
        'Probably right, with an explanation about the strip.',
        'Uses drawings; slower than A but works independently.',
      ],
    },
    {
      pseudonym: 'Pupil C',
      profile:
        'Struggles in maths, loses heart quickly with fractions, thinks "a bigger number is more".',
      predictions: [
        'Does not repeat the goal unprompted.',
        'Says the slice of the pizza cut in 4 is bigger, "because 4 is more".',
        'Folds unequal parts; needs help with folding.',
        'Picks the fraction with the larger denominator for most pairs.',
        'Wrong answer on the exit question; joins the small-group table.',
        'Works with the teacher at the small-group table; needs the strip.',
      ],
    },
  ],
  response: {
    phaseIndex: 2,
    response: '"1/5 is larger, because 5 is larger than 3."',
    answer:
      'Lay the two strips side by side and ask: "Which coloured piece is longer? Why do you think that is?"',
  },
};
