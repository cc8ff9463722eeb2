/** The lesson-plan feature (issue 5): the tabs the cycle page mounts. The print view is its own lazy route (PrintView.tsx). */
export { PlanTab } from './PlanTab.tsx';
export { PupilsTab } from './PupilsTab.tsx';
export { RunsTab } from './RunsTab.tsx';
export { VersionsTab } from './VersionsTab.tsx';
