// The team store (issue #14): the door for the app and the features.
export {
  checkTeamDatabase,
  JoinRefusedError,
  MEMBERSHIP_KEY,
  prefixUsers,
  signIn,
  statusLine,
  TeamSync,
  waitingLine,
  type Refusal,
  type SharingState,
  type SharingStatus,
  type TeamMembership,
} from './team';
export type { BridgeProblem } from './bridge';
export { sharingProblemIn, type SharingSaying } from './sayings';
export { describeValue, fieldHeading, fieldName, settleCaseClash } from './conflicts';
export { startTeamSync, teamSync } from './instance';
